import type { Descriptions } from "./index.ts";

export const CONTAINER: Descriptions = {};
