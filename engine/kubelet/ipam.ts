// host-local IPAM on a node's podCIDR (a /24): addresses .2 to .254 (.1 is the
// bridge), handed out round-robin after the last one given, as host-local does
// with its last-reserved-IP file, so a freed address is not reused at once.

export class PodIPAllocator {
  private readonly prefix: string;
  private last = 1;
  private readonly used = new Set<number>();

  constructor(podCIDR: string) {
    this.prefix = podCIDR.split(".").slice(0, 3).join(".");
  }

  allocate(): string | undefined {
    for (let i = 1; i <= 253; i++) {
      const host = ((this.last - 2 + i) % 253) + 2;
      if (!this.used.has(host)) {
        this.used.add(host);
        this.last = host;
        return `${this.prefix}.${host}`;
      }
    }
    return undefined;
  }

  /** Mark an address as taken (a pod the kubelet adopts). */
  reserve(ip: string): void {
    const host = Number(ip.split(".")[3]);
    if (ip.startsWith(`${this.prefix}.`) && host >= 2 && host <= 254) {
      this.used.add(host);
      if (host > this.last) this.last = host;
    }
  }

  release(ip: string | undefined): void {
    if (ip?.startsWith(`${this.prefix}.`)) this.used.delete(Number(ip.split(".")[3]));
  }
}
