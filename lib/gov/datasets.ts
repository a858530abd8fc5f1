/**
 * The registries the engine reads, with the agency that holds each (shown to citizens under "Dữ liệu của tôi").
 * `owner` is that agency's staff code: a "Báo sai" on a line read from the dataset goes to its queue.
 */
export const datasets = {
  population: {
    owner: "congan",
    name: { vi: "Cơ sở dữ liệu quốc gia về dân cư", en: "National population database" },
    agency: { vi: "Bộ Công an", en: "Ministry of Public Security" },
  },
  "birth-notices": {
    owner: "benhvien",
    name: { vi: "Giấy chứng sinh điện tử", en: "Electronic birth notices" },
    agency: { vi: "Bệnh viện nơi sinh", en: "The birth hospital" },
  },
  "medical-licences": {
    owner: "yte",
    name: { vi: "Cơ sở dữ liệu hành nghề y", en: "Medical practice licence database" },
    agency: { vi: "Sở Y tế", en: "Department of Health" },
  },
  "tour-guide-cards": {
    owner: "dulich",
    name: { vi: "Cơ sở dữ liệu hướng dẫn viên du lịch", en: "Tour guide card database" },
    agency: { vi: "Sở Văn hóa, Thể thao và Du lịch", en: "Department of Culture, Sports and Tourism" },
  },
  "veterinary-certs": {
    owner: "thuy",
    name: { vi: "Cơ sở dữ liệu chứng chỉ hành nghề thú y", en: "Veterinary practice certificate database" },
    agency: { vi: "Chi cục Chăn nuôi và Thú y", en: "Sub-department of Animal Husbandry and Veterinary" },
  },
  "transport-badges": {
    owner: "vantai",
    name: { vi: "Cơ sở dữ liệu phù hiệu xe kinh doanh vận tải", en: "Commercial transport badge database" },
    agency: { vi: "Sở Xây dựng", en: "Department of Construction" },
  },
  "poor-households": {
    owner: "xahoi",
    name: { vi: "Danh sách hộ nghèo, cận nghèo", en: "Poor and near-poor household list" },
    agency: { vi: "Phòng Văn hóa – Xã hội, UBND xã, phường", en: "Culture and Social Affairs Office of the commune or ward" },
  },
  "land-records": {
    owner: "datdai",
    name: { vi: "Cơ sở dữ liệu đất đai", en: "Land database" },
    agency: { vi: "Sở Nông nghiệp và Môi trường", en: "Department of Agriculture and Environment" },
  },
  schools: {
    owner: "giaoduc",
    name: { vi: "Danh sách trường và kế hoạch tuyển sinh", en: "Schools and enrollment plan" },
    agency: { vi: "Sở Giáo dục và Đào tạo", en: "Department of Education and Training" },
  },
} as const;

export type DatasetCode = keyof typeof datasets;
export const datasetCodes = Object.keys(datasets) as [DatasetCode, ...DatasetCode[]];
