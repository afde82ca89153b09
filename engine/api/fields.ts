// Field selectors (`--field-selector`, the fieldSelector query parameter):
// apimachinery's pkg/fields grammar plus, per resource, the field labels the
// 1.32 API server accepts (its field-label conversion funcs) and the values it
// matches them against (each registry's ToSelectableFields).
import type { KubeObject } from "./types.ts";
import { goQuote } from "./validation/go-value.ts";
import { byteOrder } from "./label-selector.ts";

/** A field selector the API server rejects; the message is the server's (a 400 BadRequest). */
export class FieldSelectorError extends Error {
  override name = "FieldSelectorError";
}

export interface FieldTerm {
  readonly field: string;
  /** `==` parses to `=`: apimachinery keeps only equal / not-equal terms. */
  readonly operator: "=" | "!=";
  readonly value: string;
}

/** fields.EscapeValue: `\`, `,` and `=` are backslash-escaped. */
export function escapeFieldValue(s: string): string {
  return s.replace(/[\\,=]/g, (c) => `\\${c}`);
}

export class FieldSelector {
  constructor(readonly terms: readonly FieldTerm[]) {}

  empty(): boolean {
    return this.terms.length === 0;
  }

  /** fields.Set semantics: an absent field reads as "". */
  matches(fields: Readonly<Record<string, string>>): boolean {
    return this.terms.every((t) => {
      const have = Object.hasOwn(fields, t.field) ? fields[t.field] : "";
      return t.operator === "=" ? have === t.value : have !== t.value;
    });
  }

  toString(): string {
    return this.terms.map((t) => `${t.field}${t.operator}${escapeFieldValue(t.value)}`).join(",");
  }
}

/** fields.UnescapeValue, with its error texts (a rune prints as its number: `%v` of int32). */
function unescapeValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = "";
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c === "\\" || c === "," || c === "=") out += c;
      else throw new FieldSelectorError(`invalid field selector: invalid escape sequence: \\${c}`);
      inSlash = false;
    } else if (c === "\\") {
      inSlash = true;
    } else if (c === "," || c === "=") {
      throw new FieldSelectorError(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    } else {
      out += c;
    }
  }
  if (inSlash) throw new FieldSelectorError("invalid field selector: invalid escape sequence: \\");
  return out;
}

function splitTerms(selector: string): string[] {
  if (selector.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (inSlash) inSlash = false;
    else if (c === "\\") inSlash = true;
    else if (c === ",") {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

const TERM_OPERATORS = ["!=", "==", "="] as const;

function splitTerm(term: string): { lhs: string; op: string; rhs: string } | null {
  for (let i = 0; i < term.length; i++) {
    for (const op of TERM_OPERATORS) {
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return null;
}

/**
 * fields.ParseSelector. No whitespace trimming (`a = b` selects field "a "),
 * terms come out sorted, and a bare `=` (empty field and value) drops out.
 */
export function parseFieldSelector(text: string): FieldSelector {
  const terms: FieldTerm[] = [];
  for (const part of splitTerms(text).sort(byteOrder)) {
    if (part === "") continue;
    const split = splitTerm(part);
    if (!split) throw new FieldSelectorError(`invalid selector: '${text}'; can't understand '${part}'`);
    const value = unescapeValue(split.rhs);
    if (split.lhs === "" && value === "") continue;
    terms.push({ field: split.lhs, operator: split.op === "!=" ? "!=" : "=", value });
  }
  return new FieldSelector(terms);
}

// ---------- what each resource supports ----------

type Obj = Record<string, unknown>;

function sub(obj: unknown, ...path: string[]): unknown {
  let cur = obj;
  for (const p of path) {
    if (cur === null || typeof cur !== "object" || Array.isArray(cur)) return undefined;
    cur = (cur as Obj)[p];
  }
  return cur;
}

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

function int(v: unknown): string {
  return typeof v === "number" ? String(Math.trunc(v)) : "0";
}

/** How one selectable field reads off an object. */
type Getter = (obj: KubeObject) => string;

const META: Readonly<Record<string, Getter>> = {
  "metadata.name": (o) => str(o.metadata?.name),
  "metadata.namespace": (o) => str(o.metadata?.namespace),
};

interface FieldSupport {
  /** Accepted labels; a label mapped to another name is renamed (pods' legacy spec.host). */
  labels: Readonly<Record<string, string>>;
  error: (label: string) => string;
  /**
   * The selectable fields (ToSelectableFields), one getter each, so a
   * selector reads only the fields it names; an accepted label without a
   * getter always reads as "".
   */
  fields: Readonly<Record<string, Getter>>;
}

const identity = (...names: string[]) => Object.fromEntries(names.map((n) => [n, n]));
const notSupported = (label: string) => `field label not supported: ${label}`;

const involved = (f: string): Getter => (ev) => str(sub(ev, "involvedObject", f));

const SUPPORT: Record<string, FieldSupport> = {
  pods: {
    labels: {
      ...identity(
        "metadata.name", "metadata.namespace", "spec.nodeName", "spec.restartPolicy", "spec.schedulerName",
        "spec.serviceAccountName", "spec.hostNetwork", "status.phase", "status.podIP", "status.podIPs",
        "status.nominatedNodeName",
      ),
      "spec.host": "spec.nodeName",
    },
    error: notSupported,
    // status.podIPs is accepted but never populated upstream: it always reads as "".
    fields: {
      ...META,
      "spec.nodeName": (pod) => str(sub(pod, "spec", "nodeName")),
      "spec.restartPolicy": (pod) => str(sub(pod, "spec", "restartPolicy")),
      "spec.schedulerName": (pod) => str(sub(pod, "spec", "schedulerName")),
      "spec.serviceAccountName": (pod) => str(sub(pod, "spec", "serviceAccountName")) || str(sub(pod, "spec", "serviceAccount")),
      "spec.hostNetwork": (pod) => (sub(pod, "spec", "hostNetwork") === true ? "true" : "false"),
      "status.phase": (pod) => str(sub(pod, "status", "phase")),
      "status.podIP": (pod) => {
        const podIPs = sub(pod, "status", "podIPs");
        return Array.isArray(podIPs) && podIPs.length > 0 ? str(sub(podIPs[0], "ip")) : str(sub(pod, "status", "podIP"));
      },
      "status.nominatedNodeName": (pod) => str(sub(pod, "status", "nominatedNodeName")),
    },
  },
  events: {
    labels: identity(
      "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
      "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason",
      "reportingComponent", "source", "type", "metadata.namespace", "metadata.name",
    ),
    error: notSupported,
    fields: {
      ...META,
      "involvedObject.kind": involved("kind"),
      "involvedObject.namespace": involved("namespace"),
      "involvedObject.name": involved("name"),
      "involvedObject.uid": involved("uid"),
      "involvedObject.apiVersion": involved("apiVersion"),
      "involvedObject.resourceVersion": involved("resourceVersion"),
      "involvedObject.fieldPath": involved("fieldPath"),
      reason: (ev) => str(sub(ev, "reason")),
      reportingComponent: (ev) => str(sub(ev, "reportingComponent")),
      source: (ev) => str(sub(ev, "source", "component")) || str(sub(ev, "reportingComponent")),
      type: (ev) => str(sub(ev, "type")),
    },
  },
  nodes: {
    labels: identity("metadata.name", "spec.unschedulable"),
    error: notSupported,
    fields: {
      "metadata.name": META["metadata.name"]!,
      "spec.unschedulable": (node) => (sub(node, "spec", "unschedulable") === true ? "true" : "false"),
    },
  },
  namespaces: {
    labels: identity("status.phase", "metadata.name"),
    error: notSupported,
    fields: { "metadata.name": META["metadata.name"]!, "status.phase": (ns) => str(sub(ns, "status", "phase")) },
  },
  secrets: {
    labels: identity("type", "metadata.namespace", "metadata.name"),
    error: notSupported,
    fields: { ...META, type: (s) => str(sub(s, "type")) },
  },
  services: {
    labels: identity("metadata.namespace", "metadata.name", "spec.clusterIP", "spec.type"),
    error: notSupported,
    fields: {
      ...META,
      "spec.clusterIP": (s) => str(sub(s, "spec", "clusterIP")),
      "spec.type": (s) => str(sub(s, "spec", "type")),
    },
  },
  replicationcontrollers: {
    labels: identity("metadata.name", "metadata.namespace", "status.replicas"),
    error: notSupported,
    fields: { ...META, "status.replicas": (rc) => int(sub(rc, "status", "replicas")) },
  },
  jobs: {
    labels: identity("metadata.name", "metadata.namespace", "status.successful"),
    error: (label) => `field label ${goQuote(label)} not supported for batchv1.Job`,
    fields: { ...META, "status.successful": (job) => int(sub(job, "status", "succeeded")) },
  },
};

/**
 * runtime.DefaultMetaV1FieldSelectorConversion: every other resource, including
 * the apps/v1 ones — replicasets' status.replicas is selectable in storage but
 * has no field-label conversion, so the 1.32 server rejects it too.
 */
const DEFAULT_SUPPORT: FieldSupport = {
  labels: identity("metadata.name", "metadata.namespace"),
  error: (label) => `${goQuote(label)} is not a known field selector: only "metadata.name", "metadata.namespace"`,
  fields: META,
};

function supportFor(resource: string): FieldSupport {
  return Object.hasOwn(SUPPORT, resource) ? SUPPORT[resource]! : DEFAULT_SUPPORT;
}

/** The field set the API server matches a selector against, for `resource` (plural name). */
export function selectableFields(resource: string, obj: KubeObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, get] of Object.entries(supportFor(resource).fields)) out[field] = get(obj);
  return out;
}

/**
 * Check `selector` against what `resource` supports and return its predicate.
 * Throws FieldSelectorError with the server's message for an unsupported field;
 * the server answers 400 BadRequest, and kubectl then prints
 * `Error from server (BadRequest): Unable to find "<gvr>" that match label selector "<l>", field selector "<f>": <message>`.
 */
export function fieldSelectorMatcher(resource: string, selector: FieldSelector): (obj: KubeObject) => boolean {
  const support = supportFor(resource);
  const checks: { get: Getter | undefined; equal: boolean; value: string }[] = [];
  for (const term of selector.terms) {
    if (!Object.hasOwn(support.labels, term.field)) throw new FieldSelectorError(support.error(term.field));
    const field = support.labels[term.field]!;
    checks.push({ get: Object.hasOwn(support.fields, field) ? support.fields[field] : undefined, equal: term.operator === "=", value: term.value });
  }
  // fields.Set semantics: an absent field reads as "".
  return (obj) => checks.every((c) => ((c.get ? c.get(obj) : "") === c.value) === c.equal);
}
