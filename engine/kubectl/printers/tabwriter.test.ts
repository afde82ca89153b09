import { describe, expect, it } from "vitest";
import {
  AlignRight,
  Debug,
  DiscardEmptyColumns,
  FilterHTML,
  RememberWidths,
  TabIndent,
  TabWriter,
  newDescribeTabWriter,
  newGetTabWriter,
  tabwrite,
} from "./tabwriter.ts";

/** kubectl describe's writer: minwidth 0, tabwidth 8, padding 2, spaces. */
function describeLayout(lines: string[]): string {
  const w = newDescribeTabWriter();
  w.write(lines.join("\n") + "\n");
  w.flush();
  return w.take();
}

// Inputs are what kubectl's describers write (tab after each key); expected
// outputs are the [verified] layouts of kubectl-output.md §3.
describe("tab-writer blocks, as in kubectl describe (§3)", () => {
  it("aligns a deployment description; condition rows share a block with the lines after them", () => {
    const input = [
      "Name:\tnginx-deployment",
      "Namespace:\tdefault",
      "CreationTimestamp:\tTue, 24 Nov 2026 19:40:14 +0000",
      "Labels:\tapp=nginx",
      "Annotations:\tdeployment.kubernetes.io/revision: 2",
      "\tkubernetes.io/change-cause: kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1 --record=true",
      "Selector:\tapp=nginx",
      "Replicas:\t3 desired | 3 updated | 3 total | 3 available | 0 unavailable",
      "StrategyType:\tRollingUpdate",
      "MinReadySeconds:\t0",
      "RollingUpdateStrategy:\t25% max unavailable, 25% max surge",
      "Pod Template:",
      "  Labels:\tapp=nginx",
      "  Containers:",
      "   nginx:",
      "    Image:\tnginx:1.16.1",
      "    Port:\t80/TCP",
      "    Host Port:\t0/TCP",
      "    Environment:\t<none>",
      "    Mounts:\t<none>",
      "  Volumes:\t<none>",
      "  Node-Selectors:\t<none>",
      "  Tolerations:\t<none>",
      "Conditions:",
      "  Type\tStatus\tReason",
      "  ----\t------\t------",
      "  Available \tTrue\tMinimumReplicasAvailable",
      "  Progressing \tTrue\tNewReplicaSetAvailable",
      "OldReplicaSets:\tnginx-deployment-66b6c48dd5 (0/0 replicas created)",
      "NewReplicaSet:\tnginx-deployment-7c5ddbdf54 (3/3 replicas created)",
      "Events:",
      "  Type\tReason\tAge\tFrom\tMessage",
      "  ----\t------\t----\t----\t-------",
      "  Normal\tScalingReplicaSet\t61m\tdeployment-controller\tScaled up replica set nginx-deployment-66b6c48dd5 to 3",
      "  Normal\tScalingReplicaSet\t2m3s\tdeployment-controller\tScaled up replica set nginx-deployment-7c5ddbdf54 to 1",
      "  Normal\tScalingReplicaSet\t103s\tdeployment-controller\tScaled down replica set nginx-deployment-66b6c48dd5 to 2 from 3",
      "  Normal\tScalingReplicaSet\t103s\tdeployment-controller\tScaled up replica set nginx-deployment-7c5ddbdf54 to 2 from 1",
      "  Normal\tScalingReplicaSet\t68s\tdeployment-controller\tScaled down replica set nginx-deployment-66b6c48dd5 to 0 from 1",
    ];
    expect(describeLayout(input)).toBe(
      [
        "Name:                   nginx-deployment",
        "Namespace:              default",
        "CreationTimestamp:      Tue, 24 Nov 2026 19:40:14 +0000",
        "Labels:                 app=nginx",
        "Annotations:            deployment.kubernetes.io/revision: 2",
        "                        kubernetes.io/change-cause: kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1 --record=true",
        "Selector:               app=nginx",
        "Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable",
        "StrategyType:           RollingUpdate",
        "MinReadySeconds:        0",
        "RollingUpdateStrategy:  25% max unavailable, 25% max surge",
        "Pod Template:",
        "  Labels:  app=nginx",
        "  Containers:",
        "   nginx:",
        "    Image:         nginx:1.16.1",
        "    Port:          80/TCP",
        "    Host Port:     0/TCP",
        "    Environment:   <none>",
        "    Mounts:        <none>",
        "  Volumes:         <none>",
        "  Node-Selectors:  <none>",
        "  Tolerations:     <none>",
        "Conditions:",
        "  Type           Status  Reason",
        "  ----           ------  ------",
        "  Available      True    MinimumReplicasAvailable",
        "  Progressing    True    NewReplicaSetAvailable",
        "OldReplicaSets:  nginx-deployment-66b6c48dd5 (0/0 replicas created)",
        "NewReplicaSet:   nginx-deployment-7c5ddbdf54 (3/3 replicas created)",
        "Events:",
        "  Type    Reason             Age   From                   Message",
        "  ----    ------             ----  ----                   -------",
        "  Normal  ScalingReplicaSet  61m   deployment-controller  Scaled up replica set nginx-deployment-66b6c48dd5 to 3",
        "  Normal  ScalingReplicaSet  2m3s  deployment-controller  Scaled up replica set nginx-deployment-7c5ddbdf54 to 1",
        "  Normal  ScalingReplicaSet  103s  deployment-controller  Scaled down replica set nginx-deployment-66b6c48dd5 to 2 from 3",
        "  Normal  ScalingReplicaSet  103s  deployment-controller  Scaled up replica set nginx-deployment-7c5ddbdf54 to 2 from 1",
        "  Normal  ScalingReplicaSet  68s   deployment-controller  Scaled down replica set nginx-deployment-66b6c48dd5 to 0 from 1",
        "",
      ].join("\n"),
    );
  });

  it("lets `Events:\\t<none>` join the condition block above it", () => {
    const input = [
      "Conditions:",
      "  Type\tStatus\tReason",
      "  ----\t------\t------",
      "  Available \tTrue\tMinimumReplicasAvailable",
      "  Progressing \tTrue\tNewReplicaSetAvailable",
      "Events:\t<none>",
    ];
    expect(describeLayout(input)).toBe(
      [
        "Conditions:",
        "  Type          Status  Reason",
        "  ----          ------  ------",
        "  Available     True    MinimumReplicasAvailable",
        "  Progressing   True    NewReplicaSetAvailable",
        "Events:         <none>",
        "",
      ].join("\n"),
    );
  });

  it("pads a cell followed by a tab and nothing else (StorageClass gets two trailing spaces)", () => {
    const input = [
      "Volume Claims:",
      "  Name:\twww",
      "  StorageClass:\t",
      "  Labels:\t<none>",
      "  Annotations:\t<none>",
      "  Capacity:\t1Gi",
      "  Access Modes:\t[ReadWriteOnce]",
      "Events:",
    ];
    expect(describeLayout(input)).toBe(
      [
        "Volume Claims:",
        "  Name:          www",
        "  StorageClass:  ",
        "  Labels:        <none>",
        "  Annotations:   <none>",
        "  Capacity:      1Gi",
        "  Access Modes:  [ReadWriteOnce]",
        "Events:",
        "",
      ].join("\n"),
    );
  });

  it("aligns a pod description: nested blocks, trailing spaces in cells, continuation lines", () => {
    const input = [
      "Name:\tnginx-deployment-7c5ddbdf54-2xlxk",
      "Namespace:\tdefault",
      "Priority:\t0",
      "Service Account:\tdefault",
      "Node:\tnode-1/172.18.0.3",
      "Start Time:\tTue, 24 Nov 2026 20:39:54 +0000",
      "Labels:\tapp=nginx",
      "\tpod-template-hash=7c5ddbdf54",
      "Annotations:\t<none>",
      "Status:\tRunning",
      "IP:\t10.244.1.5",
      "IPs:",
      "  IP:\t10.244.1.5",
      "Controlled By:\tReplicaSet/nginx-deployment-7c5ddbdf54",
      "Containers:",
      "  nginx:",
      "    Container ID:\tcontainerd://0123456789abcdef",
      "    Image:\tnginx:1.16.1",
      "    Image ID:\tdocker.io/library/nginx@sha256:abc",
      "    Port:\t80/TCP",
      "    Host Port:\t0/TCP",
      "    State:\tRunning",
      "      Started:\tTue, 24 Nov 2026 20:39:57 +0000",
      "    Ready:\tTrue",
      "    Restart Count:\t0",
      "    Environment:\t<none>",
      "    Mounts:",
      "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x7k2p (ro)",
      "Conditions:",
      "  Type\tStatus",
      "  PodReadyToStartContainers \tTrue ",
      "  Initialized \tTrue ",
      "  Ready \tTrue ",
      "  ContainersReady \tTrue ",
      "  PodScheduled \tTrue ",
      "Volumes:",
      "  kube-api-access-x7k2p:",
      "    Type:\tProjected (a volume that contains injected data from multiple sources)",
      "    TokenExpirationSeconds:\t3607",
      "    ConfigMapName:\tkube-root-ca.crt",
      "    ConfigMapOptional:\t<nil>",
      "    DownwardAPI:\ttrue",
      "QoS Class:\tBestEffort",
      "Node-Selectors:\t<none>",
      "Tolerations:\tnode.kubernetes.io/not-ready:NoExecute op=Exists for 300s",
      "\tnode.kubernetes.io/unreachable:NoExecute op=Exists for 300s",
      "Events:",
      "  Type\tReason\tAge\tFrom\tMessage",
      "  ----\t------\t----\t----\t-------",
      "  Normal\tScheduled\t2m8s\tdefault-scheduler\tSuccessfully assigned default/nginx-deployment-7c5ddbdf54-2xlxk to node-1",
      '  Normal\tPulling\t2m7s\tkubelet\tPulling image "nginx:1.16.1"',
      '  Normal\tPulled\t2m3s\tkubelet\tSuccessfully pulled image "nginx:1.16.1" in 4.2s (4.2s including waiting). Image size: 67121413 bytes.',
      "  Normal\tCreated\t2m3s\tkubelet\tCreated container nginx",
      "  Normal\tStarted\t2m3s\tkubelet\tStarted container nginx",
    ];
    expect(describeLayout(input)).toBe(
      [
        "Name:             nginx-deployment-7c5ddbdf54-2xlxk",
        "Namespace:        default",
        "Priority:         0",
        "Service Account:  default",
        "Node:             node-1/172.18.0.3",
        "Start Time:       Tue, 24 Nov 2026 20:39:54 +0000",
        "Labels:           app=nginx",
        "                  pod-template-hash=7c5ddbdf54",
        "Annotations:      <none>",
        "Status:           Running",
        "IP:               10.244.1.5",
        "IPs:",
        "  IP:           10.244.1.5",
        "Controlled By:  ReplicaSet/nginx-deployment-7c5ddbdf54",
        "Containers:",
        "  nginx:",
        "    Container ID:   containerd://0123456789abcdef",
        "    Image:          nginx:1.16.1",
        "    Image ID:       docker.io/library/nginx@sha256:abc",
        "    Port:           80/TCP",
        "    Host Port:      0/TCP",
        "    State:          Running",
        "      Started:      Tue, 24 Nov 2026 20:39:57 +0000",
        "    Ready:          True",
        "    Restart Count:  0",
        "    Environment:    <none>",
        "    Mounts:",
        "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x7k2p (ro)",
        "Conditions:",
        "  Type                        Status",
        "  PodReadyToStartContainers   True ",
        "  Initialized                 True ",
        "  Ready                       True ",
        "  ContainersReady             True ",
        "  PodScheduled                True ",
        "Volumes:",
        "  kube-api-access-x7k2p:",
        "    Type:                    Projected (a volume that contains injected data from multiple sources)",
        "    TokenExpirationSeconds:  3607",
        "    ConfigMapName:           kube-root-ca.crt",
        "    ConfigMapOptional:       <nil>",
        "    DownwardAPI:             true",
        "QoS Class:                   BestEffort",
        "Node-Selectors:              <none>",
        "Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s",
        "                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s",
        "Events:",
        "  Type    Reason     Age   From               Message",
        "  ----    ------     ----  ----               -------",
        "  Normal  Scheduled  2m8s  default-scheduler  Successfully assigned default/nginx-deployment-7c5ddbdf54-2xlxk to node-1",
        '  Normal  Pulling    2m7s  kubelet            Pulling image "nginx:1.16.1"',
        '  Normal  Pulled     2m3s  kubelet            Successfully pulled image "nginx:1.16.1" in 4.2s (4.2s including waiting). Image size: 67121413 bytes.',
        "  Normal  Created    2m3s  kubelet            Created container nginx",
        "  Normal  Started    2m3s  kubelet            Started container nginx",
        "",
      ].join("\n"),
    );
  });

  it("aligns the rollout history table with padding 2", () => {
    expect(describeLayout(["REVISION\tCHANGE-CAUSE", "1\t<none>", "2\tkubectl set image"])).toBe(
      "REVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image\n",
    );
  });
});

describe("tab-writer rules (Go text/tabwriter)", () => {
  const get = (text: string) => tabwrite(text, 6, 4, 3, " ", RememberWidths);
  const cases: [string, string, string][] = [
    [
      "get: a column is max(6, longest + 3) wide; the last cell is not padded",
      "NAME\tAGE\nnginx-deployment\t5s\n",
      "NAME               AGE\nnginx-deployment   5s\n",
    ],
    ["get: short columns get the minimum width 6", "A\tB\tC\n1\t2\t3\n", "A     B     C\n1     2     3\n"],
    [
      "a column is a run of consecutive lines with a cell there (the third line breaks the second column)",
      "aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n",
      "aaaa   bbb   d\naa     b     dd\na      \naa     cccc   eee\n",
    ],
    ["text without a trailing newline is written on flush", "a\tb", "a     b"],
    ["a one-cell line ends every block", "a\tb\nx\nlonger\tc\n", "a     b\nx\nlonger   c\n"],
    ["widths count code points, not UTF-16 units", "é😀\tx\nab\ty\n", "é😀    x\nab    y\n"],
  ];
  it.each(cases)("%s", (_name, input, want) => {
    expect(get(input)).toBe(want);
  });

  it("right-aligns; cells of one tab position can sit in different columns (Go's elastic example)", () => {
    expect(tabwrite("a\tb\tc\naa\tbb\tcc\naaa\t\naaaa\tdddd\teeee\n", 0, 0, 1, ".", AlignRight | Debug)).toBe(
      "....a|..b|c\n...aa|.bb|cc\n..aaa|\n.aaaa|.dddd|eeee\n",
    );
  });

  it("pads with tabs when padchar is a tab (and ignores AlignRight)", () => {
    expect(tabwrite("a\tb\naaaaaaaaa\tc\n", 0, 8, 1, "\t", AlignRight)).toBe("a\t\tb\naaaaaaaaa\tc\n");
  });

  it("indents leading empty cells with tabs under TabIndent", () => {
    expect(tabwrite("\tx\ty\n\txx\tyy\n", 0, 4, 1, " ", TabIndent)).toBe("\tx  y\n\txx yy\n");
  });

  it("discards columns of empty soft-tab cells", () => {
    expect(tabwrite("a\v\vb\nc\v\vd\n", 0, 4, 1, " ", DiscardEmptyColumns)).toBe("a b\nc d\n");
    expect(tabwrite("a\v\vb\nc\v\vd\n", 0, 4, 1, " ", 0)).toBe("a  b\nc  d\n");
  });

  it("gives HTML tags no width and entities one character when filtering HTML", () => {
    expect(tabwrite("<b>a</b>\tx\n&amp;\ty\n", 0, 4, 1, " ", FilterHTML)).toBe("<b>a</b> x\n&amp; y\n");
  });

  it("a form feed flushes: columns on either side are laid out apart", () => {
    expect(tabwrite("a\tb\nlonger\tc\fx\ty\n", 0, 4, 1, " ", 0)).toBe("a      b\nlonger c\nx y\n");
  });

  it("gives the same result whatever the write chunks", () => {
    const text = "NAME\tREADY\tSTATUS\nnginx-7c5ddbdf54-2xlxk\t1/1\tRunning\nweb-0\t0/1\tContainerCreating\n";
    const w = newGetTabWriter();
    for (const ch of text) w.write(ch);
    w.flush();
    expect(w.take()).toBe(get(text));
  });
});

describe("RememberWidths (liggitt/tabwriter)", () => {
  it("keeps the widest column widths across flushes, so they only grow", () => {
    const w = newGetTabWriter();
    w.write("NAME\tREADY\tAGE\nweb-0\t1/1\t5s\n");
    w.flush();
    expect(w.take()).toBe("NAME    READY   AGE\nweb-0   1/1     5s\n");
    w.write("a-much-longer-name\t0/1\t1s\n");
    w.flush();
    expect(w.take()).toBe("a-much-longer-name   0/1     1s\n");
    w.write("web-0\t1/1\t9s\n");
    w.flush();
    expect(w.take()).toBe("web-0                1/1     9s\n");
    expect(w.rememberedWidths()).toEqual([21, 8]);
  });

  it("forgets widths when told to", () => {
    const w = new TabWriter(6, 4, 3, " ", RememberWidths);
    w.write("a-long-name\tx\n");
    w.flush();
    w.take();
    w.setRememberedWidths(null);
    w.write("a\tx\n");
    w.flush();
    expect(w.take()).toBe("a     x\n");
  });

  it("has no effect without the flag", () => {
    const w = new TabWriter(6, 4, 3, " ", 0);
    w.write("a-long-name\tx\n");
    w.flush();
    w.take();
    w.write("a\tx\n");
    w.flush();
    expect(w.take()).toBe("a     x\n");
  });
});
