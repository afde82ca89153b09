import type { Descriptions } from "./index.ts";

export const CLUSTER: Descriptions = {};
