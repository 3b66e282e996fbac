import type { VendorProfile } from "../profile";
import { digitalli } from "./digitalli";
import { injenius } from "./injenius";
import { omi } from "./omi";
import { sillage } from "./sillage";
import { xiahdeh } from "./xiahdeh";

/** The shipped vendors, in the order docs/terms.md#the-five-vendors lists them. */
export const SHIPPED_VENDORS: readonly VendorProfile[] = [omi, sillage, xiahdeh, injenius, digitalli];

export { digitalli, injenius, omi, sillage, xiahdeh };
