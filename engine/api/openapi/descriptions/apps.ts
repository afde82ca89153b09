import type { Descriptions } from "./index.ts";

export const APPS: Descriptions = {};
