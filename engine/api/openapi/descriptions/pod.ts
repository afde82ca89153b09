import type { Descriptions } from "./index.ts";

export const POD: Descriptions = {};
