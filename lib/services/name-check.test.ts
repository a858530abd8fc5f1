import { describe, expect, it } from "vitest";
import { nameWarnings } from "./name-check";
import { personName } from "./citizen-input";

const parents = { fatherSurname: "Nguyễn", motherSurname: "Trần" };

describe("child's name: soft warnings", () => {
  it("has nothing to say about a well-formed name with a parent's surname", () => {
    expect(nameWarnings("Nguyễn Minh Khang", parents)).toEqual([]);
    expect(nameWarnings("Trần Bảo Ngọc", parents)).toEqual([]);
  });

  it("warns on a name without tone marks", () => {
    expect(nameWarnings("Nguyen Minh Khang", parents)).toContain("noToneMarks");
  });

  it("warns on lower case", () => {
    expect(nameWarnings("nguyễn minh khang", parents)).toEqual(["lowerCase"]);
  });

  it("warns on a surname that is neither parent's", () => {
    expect(nameWarnings("Lê Minh Khang", parents)).toEqual(["surnameNotParents"]);
  });

  it("says nothing of the surname when the registry knows no parent's", () => {
    expect(nameWarnings("Lê Minh Khang", {})).toEqual([]);
  });
});

describe("names some ethnic groups use are accepted", () => {
  it.each(["Ksor H'Nơ-Ni", "Nguyễn Thị Minh-Anh", "Rơ Châm Thị Hồng Nhung Ánh Dương"])("accepts %s", (name) => {
    expect(personName.safeParse(name).success).toBe(true);
  });

  it("accepts a name of more than six words", () => {
    expect(personName.safeParse("Nguyễn Văn Thị Minh Ngọc Khang An").success).toBe(true);
  });
});
