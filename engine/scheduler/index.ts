// The scheduler's public surface.
export { startScheduler, SCHEDULER_NAME, type Scheduler, type SchedulerOptions } from "./scheduler.ts";
