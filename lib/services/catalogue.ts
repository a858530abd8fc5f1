import { z } from "zod";
import { serviceDefinition, type ServiceDefinition } from "./definition";
import { L, col, derived, person, renewal } from "./rule-builders";
import { proposedServices } from "./catalogue-proposed";
import { latestStored, storedVersion } from "./overlay";


const holderName = { key: "holderName", label: L("Người được cấp", "Holder"), source: "population", ifWrong: "wait" } as const;


const address = (key: string, prefillFrom: string) =>
  ({
    kind: "text",
    key,
    label: L("Địa chỉ hành nghề", "Practice address"),
    required: true,
    maxLength: 200,
    prefillFrom,
  }) as const;

/** The pilot's 8 services as data: a service is a rule over a registered dataset, not new code. */
const pilotServices = [
  {
    code: "birth-registration",
    name: L(
      "Đăng ký khai sinh, thường trú và cấp thẻ BHYT cho trẻ dưới 6 tuổi",
      "Birth registration, permanent residence and health insurance for the child",
    ),
    shortName: L("Đăng ký khai sinh cho bé", "Register your baby's birth"),
    // The ward or commune of the child's residence registers the birth (Luật Hộ tịch, Điều 13).
    agency: { code: "hotich", name: L("Tư pháp – Hộ tịch, UBND {commune}", "Civil status, {commune}") },
    legalBasis: "Luật Hộ tịch 2014, Điều 15; Nghị định 63/2024/NĐ-CP",
    stage: "pilot",
    trigger: {
      kind: "event",
      dataset: "birth-notices",
      column: "birth_date",
      windowDays: 60,
      confirmDays: 60,
      deadlineFrom: "event",
      reason: { birthDate: col("birth_date"), hospital: col("hospital") },
      prefill: {
        birthDate: col("birth_date"),
        childSex: col("sex"),
        birthPlace: col("hospital"),
        certificateNo: col("certificate_no"),
        weightGrams: col("weight_grams"),
        motherName: derived("motherName"),
        fatherName: derived("fatherName"),
        nationality: { value: "Việt Nam" },
        ethnicity: derived("ethnicity"),
        residence: derived("residence"),
        commune: derived("ownerCommune"),
        fatherHometown: derived("fatherHometown"),
        motherHometown: derived("motherHometown"),
        fatherSurname: derived("fatherSurname"),
        motherSurname: derived("motherSurname"),
        defaultHometown: derived("defaultHometown"),
      },
    },
    reason: L(
      "Bé chào đời ngày {birthDate} tại {hospital} — theo Giấy chứng sinh điện tử",
      "Your baby was born on {birthDate} at {hospital} — from the electronic birth notice",
    ),
    prepared: L(
      "Hồ sơ khai sinh, đăng ký thường trú và thẻ BHYT cho bé đã được điền sẵn. Bạn chỉ cần đặt tên cho bé.",
      "The birth registration, residence entry and health-insurance card are filled in. You only need to name your baby.",
    ),
    prefilled: [
      { key: "birthDate", label: L("Ngày sinh", "Date of birth"), source: "birth-notices", format: "date", ifWrong: "wait" },
      { key: "childSex", label: L("Giới tính", "Sex"), source: "birth-notices", format: "sex" },
      { key: "birthPlace", label: L("Nơi sinh", "Place of birth"), source: "birth-notices" },
      { key: "motherName", label: L("Họ tên mẹ", "Mother"), source: "population", ifWrong: "wait" },
      { key: "fatherName", label: L("Họ tên cha", "Father"), source: "population", ifWrong: "wait" },
      { key: "nationality", label: L("Quốc tịch", "Nationality"), source: "population" },
      { key: "ethnicity", label: L("Dân tộc", "Ethnicity"), source: "population" },
      { key: "residence", label: L("Nơi thường trú", "Permanent residence"), source: "population" },
    ],
    citizenFields: [
      {
        kind: "personName",
        key: "childName",
        label: L("Họ và tên của bé", "Your baby's full name"),
        required: true,
        ask: L("Đặt tên cho bé", "Name your baby"),
        hint: L(
          "Họ của bé theo họ cha hoặc họ mẹ, do cha mẹ thỏa thuận. Ví dụ: Nguyễn Minh Khang",
          "The surname follows the father's or the mother's, as the parents agree. Example: Nguyễn Minh Khang",
        ),
      },
      {
        kind: "choice",
        key: "hometown",
        label: L("Quê quán của bé", "Baby's hometown"),
        required: true,
        options: [
          { value: "father", label: L("Theo quê quán của cha", "The father's hometown"), detailFrom: "fatherHometown" },
          { value: "mother", label: L("Theo quê quán của mẹ", "The mother's hometown"), detailFrom: "motherHometown" },
        ],
        prefillFrom: "defaultHometown",
      },
    ],
    slaWorkingDays: 3,
    feeVnd: 0,
    result: L(
      "Giấy khai sinh, xác nhận đăng ký thường trú và thẻ BHYT của bé",
      "Birth certificate, residence entry and the child's health-insurance card",
    ),
    issues: "birth-package",
    declinable: false,
    delivery: ["post", "centre", "digital"],
    defaultDelivery: "post",
    sms: "DVC Da Nang: Chuc mung {salutation} {firstName}! Ho so khai sinh da san sang, dat ten cho be: {link} Ma doi chieu {matchCode}",
  },
  {
    code: "medical-licence-renewal",
    name: L("Gia hạn giấy phép hành nghề khám bệnh, chữa bệnh", "Medical practice licence renewal"),
    shortName: L("Gia hạn giấy phép hành nghề y", "Renew your medical licence"),
    agency: { code: "yte", name: L("Sở Y tế", "Department of Health") },
    legalBasis: "Luật Khám bệnh, chữa bệnh 2023",
    stage: "pilot",
    trigger: renewal("medical-licences", 60, 5),
    reason: L(
      "Giấy phép hành nghề của bạn hết hạn ngày {expiresOn} — theo Cơ sở dữ liệu hành nghề y",
      "Your practice licence expires on {expiresOn} — from the medical practice licence database",
    ),
    prepared: L(
      "Hồ sơ gia hạn giấy phép đã được điền sẵn từ dữ liệu của Sở Y tế.",
      "Your renewal is filled in from the Department of Health's records.",
    ),
    prefilled: [
      holderName,
      { key: "licenceNumber", label: L("Số giấy phép", "Licence number"), source: "medical-licences" },
      { key: "scope", label: L("Phạm vi hành nghề", "Scope of practice"), source: "medical-licences" },
      { key: "expiresOn", label: L("Ngày hết hạn", "Expiry date"), source: "medical-licences", format: "date" },
    ],
    citizenFields: [
      address("practiceAddress", "address"),
      {
        kind: "number",
        key: "cmeHours",
        label: L("Số giờ cập nhật kiến thức y khoa liên tục (5 năm)", "Continuing medical education hours (5 years)"),
        required: true,
        min: 120,
        max: 2000,
        prefillFrom: "cmeHours",
        hint: L("Tối thiểu 120 giờ trong 5 năm.", "At least 120 hours in 5 years."),
      },
    ],
    slaWorkingDays: 10,
    feeVnd: 0,
    result: L("Giấy phép hành nghề đã gia hạn", "Renewed practice licence"),
    issues: "licence-renewal",
    delivery: ["post", "centre", "digital"],
    defaultDelivery: "digital",
    sms: "DVC Da Nang: {salutation} {firstName} oi, giay phep hanh nghe sap het han. Gia han tai: {link} Ma doi chieu {matchCode}",
  },
  {
    code: "tour-guide-card-renewal",
    name: L("Gia hạn / cấp đổi thẻ hướng dẫn viên du lịch", "Tour guide card renewal"),
    shortName: L("Gia hạn thẻ hướng dẫn viên", "Renew your tour guide card"),
    agency: { code: "dulich", name: L("Sở Văn hóa, Thể thao và Du lịch", "Department of Culture, Sports and Tourism") },
    legalBasis: "Luật Du lịch 2017",
    stage: "pilot",
    trigger: renewal("tour-guide-cards", 60, 5),
    reason: L(
      "Thẻ hướng dẫn viên của bạn hết hạn ngày {expiresOn} — theo Cơ sở dữ liệu hướng dẫn viên du lịch",
      "Your tour guide card expires on {expiresOn} — from the tour guide card database",
    ),
    prepared: L("Hồ sơ đổi thẻ đã được điền sẵn.", "Your card renewal is filled in."),
    prefilled: [
      holderName,
      { key: "licenceNumber", label: L("Số thẻ", "Card number"), source: "tour-guide-cards" },
      { key: "expiresOn", label: L("Ngày hết hạn", "Expiry date"), source: "tour-guide-cards", format: "date" },
    ],
    citizenFields: [
      { ...address("contactAddress", "address"), label: L("Địa chỉ liên hệ", "Contact address") },
      {
        kind: "choice",
        key: "cardType",
        label: L("Loại thẻ", "Card type"),
        required: true,
        options: [
          { value: "domestic", label: L("Nội địa", "Domestic"), detail: L("Hướng dẫn khách Việt Nam trên cả nước.", "Guides Vietnamese visitors anywhere in the country.") },
          { value: "international", label: L("Quốc tế", "International"), detail: L("Hướng dẫn cả khách Việt Nam và khách nước ngoài.", "Guides both Vietnamese and foreign visitors.") },
          {
            value: "on-site",
            label: L("Tại điểm", "On-site"),
            detail: L("Chỉ hướng dẫn trong một khu, điểm du lịch nhất định.", "Guides only within one tourist site or area."),
          },
        ],
        prefillFrom: "cardType",
      },
    ],
    slaWorkingDays: 10,
    feeVnd: 650_000,
    result: L("Thẻ hướng dẫn viên mới", "New tour guide card"),
    issues: "licence-renewal",
    delivery: ["post", "centre"],
    defaultDelivery: "post",
    sms: "DVC Da Nang: {salutation} {firstName} oi, the huong dan vien sap het han. Doi the tai: {link} Ma doi chieu {matchCode}",
  },
  {
    code: "veterinary-cert-renewal",
    name: L(
      "Gia hạn chứng chỉ hành nghề thú y, buôn bán thuốc thú y",
      "Veterinary practice and drug trading certificate renewal",
    ),
    shortName: L("Gia hạn chứng chỉ hành nghề thú y", "Renew your veterinary certificate"),
    agency: { code: "thuy", name: L("Chi cục Chăn nuôi và Thú y", "Sub-department of Animal Husbandry and Veterinary") },
    legalBasis: "Luật Thú y 2015",
    stage: "pilot",
    trigger: renewal("veterinary-certs", 60, 5),
    reason: L(
      "Chứng chỉ hành nghề thú y của bạn hết hạn ngày {expiresOn} — theo Cơ sở dữ liệu chứng chỉ hành nghề thú y",
      "Your veterinary certificate expires on {expiresOn} — from the veterinary certificate database",
    ),
    prepared: L("Hồ sơ gia hạn chứng chỉ đã được điền sẵn.", "Your certificate renewal is filled in."),
    prefilled: [
      holderName,
      { key: "licenceNumber", label: L("Số chứng chỉ", "Certificate number"), source: "veterinary-certs" },
      { key: "scope", label: L("Phạm vi hành nghề", "Scope"), source: "veterinary-certs" },
      { key: "expiresOn", label: L("Ngày hết hạn", "Expiry date"), source: "veterinary-certs", format: "date" },
    ],
    citizenFields: [{ ...address("businessAddress", "address"), label: L("Địa chỉ kinh doanh", "Business address") }],
    slaWorkingDays: 5,
    feeVnd: 0,
    result: L("Chứng chỉ hành nghề thú y đã gia hạn", "Renewed veterinary certificate"),
    issues: "licence-renewal",
    delivery: ["post", "centre", "digital"],
    defaultDelivery: "digital",
    sms: "DVC Da Nang: {salutation} {firstName} oi, chung chi hanh nghe thu y sap het han. Gia han tai: {link} Ma doi chieu {matchCode}",
  },
  {
    code: "transport-badge-renewal",
    name: L("Gia hạn / đổi phù hiệu xe kinh doanh vận tải", "Commercial transport badge renewal"),
    shortName: L("Gia hạn phù hiệu xe", "Renew your vehicle badge"),
    agency: { code: "vantai", name: L("Sở Xây dựng (vận tải)", "Department of Construction (transport)") },
    legalBasis: "Nghị định 158/2024/NĐ-CP",
    stage: "pilot",
    trigger: { ...renewal("transport-badges", 15, 7), smsVars: { subjectPlate: col("subject") } },
    reason: L(
      "Phù hiệu của xe {subject} hết hạn ngày {expiresOn} — theo Cơ sở dữ liệu phù hiệu xe kinh doanh vận tải",
      "The badge of vehicle {subject} expires on {expiresOn} — from the transport badge database",
    ),
    prepared: L("Hồ sơ đổi phù hiệu cho xe đã được điền sẵn.", "The badge renewal for your vehicle is filled in."),
    prefilled: [
      holderName,
      { key: "subject", label: L("Biển số xe", "Vehicle plate"), source: "transport-badges" },
      { key: "licenceNumber", label: L("Số phù hiệu", "Badge number"), source: "transport-badges" },
      { key: "expiresOn", label: L("Ngày hết hạn", "Expiry date"), source: "transport-badges", format: "date" },
    ],
    citizenFields: [
      {
        kind: "choice",
        key: "vehicleInService",
        label: L("Xe vẫn đang kinh doanh vận tải?", "Is the vehicle still in commercial service?"),
        required: true,
        options: [
          { value: "yes", label: L("Có", "Yes") },
          { value: "no", label: L("Không", "No") },
        ],
        prefillFrom: "vehicleInService",
      },
    ],
    slaWorkingDays: 2,
    feeVnd: 0,
    result: L("Phù hiệu mới", "New badge"),
    issues: "licence-renewal",
    delivery: ["post", "centre", "digital"],
    defaultDelivery: "digital",
    sms: "DVC Da Nang: Phu hieu xe {subjectPlate} sap het han. Ho so gia han da san sang: {link} Ma doi chieu {matchCode}",
  },
  {
    code: "poor-household-support",
    name: L(
      "Hỗ trợ hộ nghèo, cận nghèo (thẻ BHYT, hỗ trợ tiền điện, miễn giảm học phí)",
      "Support for poor and near-poor households (health insurance, electricity, tuition)",
    ),
    shortName: L("Hỗ trợ hộ nghèo, cận nghèo", "Poor household support"),
    agency: { code: "xahoi", name: L("Phòng Văn hóa – Xã hội UBND {commune}", "Culture and Social Affairs Office, {commune}") },
    // Năm 2026 still applies the 2022–2025 multidimensional poverty standard (Nghị định 07/2021, art. 3),
    // by the Government's decree on the 2026–2030 standard; that decree's own criteria start in 2027.
    legalBasis: "Nghị định 07/2021/NĐ-CP, Điều 3 (chuẩn nghèo áp dụng đến hết năm 2026 theo Nghị định về chuẩn nghèo đa chiều giai đoạn 2026–2030)",
    stage: "pilot",
    trigger: {
      kind: "list",
      dataset: "poor-households",
      yearColumn: "year",
      confirmDays: 30,
      reason: { category: col("category"), year: col("year") },
      prefill: {
        headName: person("fullName"),
        category: col("category"),
        members: col("members"),
        year: col("year"),
        residence: person("residence"),
        commune: person("commune"),
        householdMembers: derived("householdMembers"),
        paymentMethod: { value: "cash" },
        membersUnchanged: { value: "yes" },
      },
    },
    reason: L(
      "Hộ gia đình của bạn có tên trong danh sách hộ {category} năm {year} — theo Danh sách hộ nghèo, cận nghèo",
      "Your household is on the {category} household list of {year} — from the poor and near-poor household list",
    ),
    prepared: L(
      "Hồ sơ nhận thẻ BHYT, hỗ trợ tiền điện và miễn giảm học phí đã được điền sẵn.",
      "Your health-insurance cards, electricity support and tuition exemption are filled in.",
    ),
    prefilled: [
      { key: "headName", label: L("Chủ hộ", "Head of household"), source: "population", ifWrong: "wait" },
      { key: "category", label: L("Loại hộ", "Category"), source: "poor-households", format: "category" },
      { key: "members", label: L("Số nhân khẩu", "Household members"), source: "poor-households" },
      { key: "residence", label: L("Nơi thường trú", "Permanent residence"), source: "population" },
    ],
    citizenFields: [
      {
        kind: "choice",
        key: "paymentMethod",
        label: L("Nhận tiền hỗ trợ", "Receive the support"),
        required: true,
        options: [
          { value: "cash", label: L("Nhận tiền mặt tại UBND {commune}", "In cash at the {commune} People's Committee") },
          { value: "bank", label: L("Chuyển khoản ngân hàng", "By bank transfer") },
        ],
        prefillFrom: "paymentMethod",
      },
      {
        kind: "text",
        key: "bankName",
        label: L("Ngân hàng", "Bank"),
        required: false,
        maxLength: 100,
        hint: L("Ví dụ: Agribank, Vietcombank", "For example: Agribank, Vietcombank"),
        requiredWhen: { field: "paymentMethod", equals: ["bank"] },
      },
      {
        kind: "text",
        key: "bankAccount",
        label: L("Số tài khoản", "Account number"),
        required: false,
        maxLength: 19,
        pattern: "digits",
        hint: L("Chỉ gồm chữ số, in trên thẻ hoặc sổ tài khoản.", "Digits only, as printed on your card or passbook."),
        requiredWhen: { field: "paymentMethod", equals: ["bank"] },
      },
      {
        kind: "text",
        key: "accountHolder",
        label: L("Chủ tài khoản", "Account holder"),
        required: false,
        maxLength: 100,
        prefillFrom: "headName",
        requiredWhen: { field: "paymentMethod", equals: ["bank"] },
      },
      {
        kind: "choice",
        key: "membersUnchanged",
        label: L("Các thành viên vẫn sống trong hộ?", "Do all members still live in the household?"),
        required: true,
        options: [
          { value: "yes", label: L("Đúng, không thay đổi", "Yes, no change") },
          { value: "no", label: L("Có thay đổi", "There are changes") },
        ],
        prefillFrom: "membersUnchanged",
      },
      {
        kind: "householdMembers",
        key: "member",
        label: L("Ai còn ở cùng hộ?", "Who still lives in the household?"),
        required: false,
        optionsFrom: "householdMembers",
        hint: L("Theo Cơ sở dữ liệu quốc gia về dân cư.", "From the national population database."),
        requiredWhen: { field: "membersUnchanged", equals: ["no"] },
      },
    ],
    slaWorkingDays: 7,
    feeVnd: 0,
    result: L("Quyết định hỗ trợ, thẻ BHYT cho các thành viên", "Support decision and health-insurance cards"),
    issues: "benefits",
    delivery: ["post", "centre"],
    sms: "DVC Da Nang: {salutation} {firstName} oi, ho so nhan ho tro ho ngheo cua gia dinh da san sang: {link} Ma doi chieu {matchCode}",
  },
  {
    code: "school-enrollment",
    name: L("Nhập học lớp 1 chủ động", "Grade 1 school enrollment"),
    shortName: L("Nhập học lớp 1 cho con", "Enroll your child in grade 1"),
    agency: { code: "giaoduc", name: L("Phòng Văn hóa – Xã hội UBND {commune} (giáo dục)", "Culture and Social Affairs Office (education), {commune}") },
    // Thông tư 30/2024 governs lower and upper secondary admissions, not grade 1.
    legalBasis: "Luật Giáo dục 2019, Điều 28; Điều lệ trường tiểu học (Thông tư 28/2020/TT-BGDĐT)",
    stage: "pilot",
    trigger: {
      kind: "age",
      dataset: "population",
      years: [6],
      basis: "schoolYear",
      owner: "parents",
      reason: { childName: person("fullName"), year: { rule: "period" } },
      prefill: {
        childName: person("fullName"),
        childBirthDate: person("birthDate"),
        residence: person("residence"),
        commune: person("commune"),
        schoolOptions: derived("primarySchools"),
        schoolAddresses: derived("primarySchoolAddresses"),
      },
      smsVars: { childFirstName: person("firstName") },
    },
    reason: L(
      "Bé {childName} tròn 6 tuổi năm {year}, đợt tuyển sinh lớp 1 đang mở — theo Cơ sở dữ liệu quốc gia về dân cư",
      "{childName} turns 6 in {year} and grade 1 enrollment is open — from the national population database",
    ),
    prepared: L("Hồ sơ nhập học lớp 1 đã được điền sẵn. Bạn chỉ cần chọn trường.", "The enrollment is filled in. Just choose a school."),
    prefilled: [
      { key: "childName", label: L("Họ tên học sinh", "Pupil"), source: "population", ifWrong: "wait" },
      { key: "childBirthDate", label: L("Ngày sinh", "Date of birth"), source: "population", format: "date", ifWrong: "wait" },
      { key: "residence", label: L("Nơi thường trú", "Permanent residence"), source: "population" },
    ],
    citizenFields: [
      {
        kind: "prefilledChoice",
        key: "school",
        label: L("Trường đăng ký", "School"),
        required: true,
        optionsFrom: "schoolOptions",
        addressesFrom: "schoolAddresses",
      },
    ],
    slaWorkingDays: 10,
    feeVnd: 0,
    result: L("Xác nhận trúng tuyển lớp 1", "Grade 1 place confirmed"),
    issues: "school-place",
    delivery: ["digital"],
    defaultDelivery: "digital",
    sms: "DVC Da Nang: Ho so vao lop 1 cua be {childFirstName} da san sang. Chon truong: {link} Ma doi chieu {matchCode}",
  },
  {
    code: "house-building-support",
    name: L("Hỗ trợ tổng hợp hồ sơ xây nhà", "House-building permit dossier assembly"),
    shortName: L("Hồ sơ xin phép xây nhà", "House-building permit"),
        // Since 1 July 2025 a private house's building permit is issued at commune level.
    agency: { code: "xaydung", name: L("UBND xã, phường (cấp phép xây dựng)", "Commune or ward People's Committee (building permits)") },
    legalBasis: "Luật Xây dựng 2014 (sửa đổi 2020), Điều 103; Nghị định 140/2025/NĐ-CP (thẩm quyền cấp xã từ 01/7/2025)",
    stage: "pilot",
    trigger: {
      kind: "event",
      dataset: "land-records",
      column: "filed_on",
      windowDays: 30,
      confirmDays: 30,
      deadlineFrom: "scan",
      perOccurrence: true,
      reason: { parcel: col("parcel") },
      prefill: { holderName: person("fullName"), parcel: col("parcel"), address: col("address") },
    },
    reason: L(
      "Bạn đã đăng ký ý định xây dựng trên thửa đất {parcel} — theo Cơ sở dữ liệu đất đai",
      "You filed a construction intent on parcel {parcel} — from the land database",
    ),
    prepared: L("Hồ sơ xin phép xây dựng đã được tổng hợp sẵn.", "Your building permit dossier is assembled."),
    prefilled: [
      holderName,
      { key: "parcel", label: L("Thửa đất", "Land parcel"), source: "land-records" },
      { key: "address", label: L("Địa chỉ công trình", "Construction address"), source: "land-records" },
    ],
    citizenFields: [
      { kind: "text", key: "contractor", label: L("Nhà thầu", "Contractor"), required: true, maxLength: 200 },
    ],
    slaWorkingDays: 15,
    feeVnd: 75_000,
    result: L("Hồ sơ cấp phép xây dựng", "Building permit dossier"),
    issues: "permit-dossier",
    delivery: ["post", "centre", "digital"],
    sms: "DVC Da Nang: {salutation} {firstName} oi, ho so xin phep xay nha da duoc tong hop san: {link} Ma doi chieu {matchCode}",
  },
] satisfies z.input<typeof serviceDefinition>[];

/** The code catalogue: the seed of the stored service definitions (lib/services/store.ts). */
export const catalogue: ServiceDefinition[] = z.array(serviceDefinition).parse([...pilotServices, ...proposedServices]);

const seedByCode = new Map(catalogue.map((s) => [s.code, s]));

/**
 * The services in force: the stored approved versions (latest of each) over the code seed. A service
 * approved in the console since the last deployment is here without one.
 */
export function liveCatalogue(): ServiceDefinition[] {
  const stored = latestStored();
  const seeded = catalogue.map((s) => stored.get(s.code)?.definition ?? s);
  const added = [...stored.values()].filter((s) => !seedByCode.has(s.definition.code)).map((s) => s.definition);
  return [...seeded, ...added];
}

/** A service as it is now, or as it was at `version` (a dossier keeps the version it was prepared under). */
export function findService(code: string, version?: number): ServiceDefinition | undefined {
  if (version !== undefined) return storedVersion(code, version) ?? (version === 1 ? seedByCode.get(code) : undefined);
  return latestStored().get(code)?.definition ?? seedByCode.get(code);
}

export function getService(code: string, version?: number): ServiceDefinition {
  const service = findService(code, version);
  if (!service) throw new Error(`Unknown service ${code}${version === undefined ? "" : ` v${version}`}`);
  return service;
}
