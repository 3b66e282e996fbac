import type { VendorProfile } from "../profile";
import { digitalli } from "./digitalli";
import { injenius } from "./injenius";
import { loi } from "./loi";
import { omi } from "./omi";
import { sillage } from "./sillage";
import { xiahdeh } from "./xiahdeh";

/** The five vendors of the seed texts, in the order docs/terms.md#the-five-vendors lists them. */
export const SHIPPED_VENDORS: readonly VendorProfile[] = [omi, sillage, xiahdeh, injenius, digitalli];

/** The law as a vendor (« Conditions légales »): for a supplier whose terms say nothing or are not entered. */
export const LAW_VENDOR: VendorProfile = loi;

/** Every vendor the engine ships: the five vendors of the seed texts, then the law (`loi`). */
export const BUILT_IN_VENDORS: readonly VendorProfile[] = [...SHIPPED_VENDORS, loi];

export { digitalli, injenius, loi, omi, sillage, xiahdeh };
