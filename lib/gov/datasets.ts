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
  "death-notices": {
    owner: "benhvien",
    name: { vi: "Thông báo tử vong (cơ sở y tế, tổ dân phố)", en: "Death notices (health facilities, neighbourhoods)" },
    agency: { vi: "Sở Y tế", en: "Department of Health" },
  },
  "driving-licences": {
    owner: "csgt",
    name: { vi: "Cơ sở dữ liệu giấy phép lái xe", en: "Driving licence database" },
    agency: { vi: "Công an thành phố (Phòng Cảnh sát giao thông)", en: "City Police (Traffic Police Division)" },
  },
  "food-safety-certs": {
    owner: "attp",
    name: { vi: "Cơ sở dữ liệu giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", en: "Food safety certificate database" },
    agency: { vi: "Ban Quản lý An toàn thực phẩm", en: "Food Safety Management Board" },
  },
  "health-insurance-cards": {
    owner: "bhxh",
    name: { vi: "Cơ sở dữ liệu thẻ bảo hiểm y tế", en: "Health insurance card database" },
    agency: { vi: "Bảo hiểm xã hội thành phố", en: "City Social Security" },
  },
  "temporary-residence": {
    owner: "congan",
    name: { vi: "Cơ sở dữ liệu về cư trú (tạm trú)", en: "Residence database (temporary residence)" },
    agency: { vi: "Công an xã, phường", en: "Commune or ward police" },
  },
  passports: {
    owner: "xnc",
    name: { vi: "Cơ sở dữ liệu xuất nhập cảnh (hộ chiếu)", en: "Immigration database (passports)" },
    agency: { vi: "Công an thành phố (Phòng Quản lý xuất nhập cảnh)", en: "City Police (Immigration Division)" },
  },
  "fishing-licences": {
    owner: "nongnghiep",
    name: { vi: "Cơ sở dữ liệu giấy phép khai thác thủy sản", en: "Fishing licence database" },
    agency: { vi: "Sở Nông nghiệp và Môi trường", en: "Department of Agriculture and Environment" },
  },
  "building-permits": {
    owner: "xaydung",
    name: { vi: "Cơ sở dữ liệu giấy phép xây dựng", en: "Building permit database" },
    agency: { vi: "UBND xã, phường", en: "Commune or ward People's Committee" },
  },
  "disability-register": {
    owner: "xahoi",
    name: { vi: "Danh sách người khuyết tật được xác định mức độ", en: "Register of people with a certified disability" },
    agency: { vi: "UBND xã, phường", en: "Commune or ward People's Committee" },
  },
  "merit-people": {
    owner: "xahoi",
    name: { vi: "Danh sách người có công với cách mạng", en: "Register of people with meritorious service" },
    agency: { vi: "Sở Nội vụ", en: "Department of Home Affairs" },
  },
} as const;

export type DatasetCode = keyof typeof datasets;
export const datasetCodes = Object.keys(datasets) as [DatasetCode, ...DatasetCode[]];
