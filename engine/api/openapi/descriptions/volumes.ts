import type { Descriptions } from "./index.ts";

export const VOLUMES: Descriptions = {};
