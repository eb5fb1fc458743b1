import { describe, expect, it } from "vitest";
import { DEMO_SALON } from "../../../dev/seed";
import { loginBanner } from "../../../scripts/lib/prepare-database";

describe("the stack's start banner", () => {
  it("shows the demo password in development only; a production log never holds it", () => {
    const development = loginBanner("http://localhost:3000", null, "development");
    expect(development).toContain(`${DEMO_SALON.admin.email} / ${DEMO_SALON.admin.password}`);
    for (const nodeEnv of ["production", "test", undefined]) {
      const banner = loginBanner("https://termine.salon-demo.de", null, nodeEnv);
      expect(banner).toContain(DEMO_SALON.admin.email);
      expect(banner).not.toContain(DEMO_SALON.admin.password);
    }
  });
});
