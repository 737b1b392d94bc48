/** A small organisation used across feature tests (the database template "org" holds it imported). */
export const TEST_ORG = `
units:
  - code: TINH
    name: Tỉnh đoàn Thử Nghiệm
    level: Tỉnh đoàn
    children:
      - code: XA-A
        name: Đoàn xã A
        level: Đoàn cơ sở
        children:
          - { code: CD-A1, name: Chi đoàn A1, level: Chi đoàn, branch: true }
          - { code: CD-A2, name: Chi đoàn A2, level: Chi đoàn, branch: true }
      - code: XA-B
        name: Đoàn xã B
        level: Đoàn cơ sở
        children:
          - { code: CD-B1, name: Chi đoàn B1, level: Chi đoàn, branch: true }
routing:
  - { unit: XA-A, topic: "*" }
  - { unit: TINH, topic: "*" }
  - { unit: TINH, topic: can_bo_tre }
`;
