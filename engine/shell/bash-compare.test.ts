// The same lines through real bash (with this machine's coreutils, grep, sed
// and awk, LC_ALL=C.UTF-8, TZ=UTC) and through the simulated shell, starting
// from the same files: stdout, stderr and exit status must agree. bash -c's
// "line 1:" in messages is dropped (an interactive shell does not print it).
// Skipped, saying so, where bash is missing.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { testShell } from "./testing.ts";

const BASH = "/bin/bash";
const haveBash = existsSync(BASH) && spawnSync(BASH, ["-c", "true"]).status === 0;

const FILES: Record<string, string> = {
  "f.txt": "hello world\nfoo bar\nHello again\nfoo-bar foo_bar\n",
  "data.txt": "b 2\na 10\nc 1\nB 3\na 10\n",
  "pods.txt":
    "NAME                    READY   STATUS    RESTARTS   AGE\n" +
    "web-7d4b9c6f5-abcde     1/1     Running   0          5m\n" +
    "web-7d4b9c6f5-fghij     0/1     Pending   0          5m\n" +
    "db-0                    1/1     Running   2          1h\n",
  "deploy.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n",
  "svc.yaml": "apiVersion: v1\nkind: Service\n",
  "csv.txt": "name,ns,replicas\nweb,default,3\ndb,prod,1\n",
  "noeol.txt": "one\ntwo",
  "dir/a.yaml": "a: 1\n",
  "dir/b.yml": "b: 2\n",
  "dir/sub/c.yaml": "c: 3\n",
  ".hidden": "secret\n",
};

interface Case {
  line: string;
  /** Compare only these (a case whose other streams legitimately differ). */
  only?: Array<"stdout" | "stderr" | "code">;
}

interface Outcome {
  stdout: string;
  stderr: string;
  code: number;
}

function realBash(line: string): Outcome {
  const dir = mkdtempSync(join(tmpdir(), "kubedojo-shell-"));
  try {
    for (const [path, content] of Object.entries(FILES)) {
      const full = join(dir, path);
      mkdirSync(full.slice(0, full.lastIndexOf("/")), { recursive: true });
      writeFileSync(full, content);
    }
    const r = spawnSync(BASH, ["--norc", "--noprofile", "-c", line], {
      cwd: dir,
      argv0: "bash",
      env: { HOME: dir, PATH: "/usr/local/bin:/usr/bin:/bin", LC_ALL: "C.UTF-8", TZ: "UTC", USER: "learner" },
      encoding: "utf8",
      timeout: 10_000,
    });
    const norm = (s: string) => s.split(dir).join("/home/learner");
    const stderr = norm(r.stderr)
      .replace(/^bash: -c: line \d+: `.*'\n/gm, "")
      .replace(/^bash: (-c: )?line \d+: /gm, "bash: ");
    return { stdout: norm(r.stdout), stderr, code: r.status ?? -1 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function simulated(line: string): Promise<Outcome> {
  const { shell } = testShell({}, FILES);
  const r = await shell.run(line);
  return { stdout: r.stdout, stderr: r.stderr, code: r.exitCode };
}

const cases: Record<string, Case[]> = {
  quoting: [
    { line: `echo "a  b" 'c  d' e\\ \\ f` },
    { line: `X="a  b"; echo $X; echo "$X"; printf '[%s]\\n' $X` },
    { line: `printf '[%s]\\n' "" '' a""b "$EMPTY" $EMPTY` },
    { line: `echo \\$HOME '$HOME' "\\$HOME" "\\\\" "a\\b"` },
    { line: `echo $'tab\\there' $'q\\'s' $'\\x41\\101'` },
    { line: `echo 'it'"'"'s' "it's" it\\'s` },
    { line: `echo "# not a comment" # a comment` },
    { line: `echo a#b #c` },
    { line: `echo "~" ~ ~/x ~nosuchuser/x` },
    { line: `X=*.txt; echo "$X" $X '*.txt'` },
  ],
  parameters: [
    { line: `echo \${UNSET:-default} \${UNSET-x} "\${E:=set}" $E \${E:+alt} [\${UNSET:+alt}]` },
    { line: `x=abc.tar.gz; echo \${x%.*} \${x%%.*} \${x#*.} \${x##*.} \${#x} \${x/a/X} \${x//a/X} \${x:1:3} \${x: -2} \${x^^} \${x/#abc/Z} \${x/%gz/Z}` },
    { line: `POD=pod/web-1; echo \${POD#pod/} \${POD#*/} \${POD%-*}` },
    { line: `echo \${x:?is not set}; echo after`, only: ["stdout", "stderr"] },
    { line: `echo \${}; echo after` },
    { line: `echo $# $0 >/dev/null; set -- a "b c" d; echo $#; printf '[%s]' "$@"; echo; printf '[%s]' $*; echo; echo "$1|$2|$3"` },
    { line: `IFS=:; x=a:b::c; printf '[%s]' $x; echo` },
    { line: `x="  lead  trail  "; printf '[%s]' $x "$x"; echo` },
    { line: `readonly R=1; R=2; echo $? $R` },
    { line: `X=1; X+=2; echo $X; unset X; echo "[$X]"` },
  ],
  substitution: [
    { line: `echo "$(echo hi)" \`echo there\`` },
    { line: `echo $(echo a; echo b) "$(printf 'a\\n\\n\\n')" end` },
    { line: `X=$(false); echo $?; X=$(exit 3); echo $?` },
    { line: `echo $(echo $(echo nested)) "$(echo "in quotes")"` },
    { line: `POD=$(cat pods.txt | awk 'NR==2 {print $1}'); echo "pod=$POD"` },
    { line: `echo $((2**10)) $((7/2)) $((-7%3)) $((1<2)) $((0x10+010)) $((2#101)) $(( (1+2)*3 ))` },
    { line: `i=5; echo $((i++)) $i $((++i)) $((i+=10)) $i $((i>5?1:0))` },
    { line: `echo $((1/0)); echo after` },
    { line: `echo $((1+)); echo after` },
    { line: `echo {a,b}{1,2} x{1..3}y {5..1..2} {a..c} {01..03} file{,.bak} {x}` },
    { line: `X=$(< f.txt); echo "$X" | wc -l; cat <(sort data.txt) | head -2; echo $(( $(echo 3) + 1 ))` },
    { line: `P=~/x:~/y; echo $P; Q="~/q"; echo $Q` },
  ],
  status: [
    { line: `echo $?; false; echo $?; true | false; echo $?; ! true; echo $?` },
    { line: `false && echo no || echo yes; true || echo no && echo yes` },
    { line: `(exit 3); echo $?; (exit 300); echo $?` },
    { line: `false; echo "status $?"` },
    { line: `foo; echo $?` },
    { line: `./nope; echo $?` },
    { line: `""; echo $?` },
    { line: `./dir; echo $?` },
    { line: `./f.txt; echo $?` },
    { line: `f() { echo "args:$#:$1"; return 4; }; f x y; echo $?` },
    { line: `exit 5; echo not`, only: ["stdout", "code"] },
  ],
  control: [
    { line: `for i in 1 2 3; do if [ $i = 2 ]; then continue; fi; echo $i; done` },
    { line: `i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done; until [ $i -eq 0 ]; do i=$((i-1)); done; echo $i` },
    { line: `for f in *.yaml dir/*; do echo "file: $f"; done` },
    { line: `for i in a b c; do for j in 1 2; do [ $j = 2 ] && break 2; echo $i$j; done; done` },
    { line: `case deploy.yaml in *.yml) echo yml;; *.yaml|*.json) echo yaml-or-json;; *) echo other;; esac` },
    { line: `case x in a) echo a;; esac; echo $?` },
    { line: `if false; then echo a; elif true; then echo b; else echo c; fi` },
    { line: `[[ abc == a* ]] && echo match; [[ "abc" == "a*" ]] || echo literal; [[ -z "" && -n x ]] && echo both` },
    { line: `[[ web-12 =~ ^web-[0-9]+$ ]] && echo re; [[ 3 -gt 2 ]] && echo gt` },
    { line: `{ echo a; echo b; } | wc -l; (cd dir && pwd); pwd` },
    { line: `break; echo $?` },
    { line: `return; echo $?` },
    { line: `f() { local v=inner; echo $v; }; v=outer; f; echo $v` },
  ],
  heredocs: [
    { line: `cat <<EOF\nhome=$HOME\nsum=$((1+2)) cmd=$(echo x) esc=\\$HOME\n  indented\nEOF` },
    { line: `cat <<'EOF'\n$HOME \`echo no\` \\n\nEOF` },
    { line: `cat <<"EOF"\n$HOME\nEOF` },
    { line: `cat <<-EOF\n\tindented\n\t\tdouble\n\tEOF` },
    { line: `cat <<A; cat <<B\na\nA\nb\nB` },
    { line: `cat > new.yaml <<EOF\nkind: Pod\nEOF\ncat new.yaml; wc -l < new.yaml` },
    { line: `cat <<EOF | grep b\na\nb\nEOF` },
    { line: `cat <<EOF\nunterminated` },
    { line: `cat <<< "a b"; wc -c <<< abc; read x y <<< "1 2 3"; echo "$x|$y"` },
    { line: `while read name ready rest; do echo "$name is $ready"; done < pods.txt` },
  ],
  redirects: [
    { line: `echo a > out; echo b >> out; cat out` },
    { line: `ls nope 2> err; echo $?; cat err` },
    { line: `ls nope > out 2>&1; cat out` },
    { line: `ls nope 2>&1 > out; echo ---; cat out` },
    { line: `ls nope &> out; cat out; ls nope f.txt &>> out; cat out` },
    { line: `echo x > /dev/null; echo y 2>/dev/null` },
    { line: `cat < nope; echo $?` },
    { line: `echo a > nodir/f; echo $?` },
    { line: `echo hi > dir; echo $?` },
    { line: `cat f.txt 2>/dev/null nope || echo missing` },
    { line: `echo to-stderr >&2; echo to-stdout 1>&2 | cat` },
    { line: `{ echo a; echo b >&2; } 2>&1 | cat` },
    { line: `echo hi > "$EMPTY"; echo $?` },
    { line: `echo one > out; cat < out > copy; cat copy` },
  ],
  pipes: [
    { line: `printf 'b\\na\\nc\\n' | sort | head -2` },
    { line: `echo hello | tr a-z A-Z | rev` },
    { line: `ls nope | cat; echo $?` },
    { line: `false | true; echo $?; set -o pipefail; false | true; echo $?` },
    { line: `cd dir | true; pwd` },
    { line: `X=1 | true; echo "[$X]"` },
    { line: `echo a |& cat; ls nope |& cat` },
  ],
  syntax: [
    { line: `echo |` },
    { line: `| foo` },
    { line: `echo a;;` },
    { line: `echo a; ;` },
    { line: `if true; then` },
    { line: `echo (` },
    { line: `echo 'abc` },
    { line: `echo "abc` },
    { line: `cat <` },
    { line: `echo a &&` },
    { line: `)` },
    { line: `fi` },
    { line: `done` },
    { line: `for 1 in a; do :; done` },
    { line: `echo ok; )` },
    { line: `{ echo a }` },
  ],
  builtins: [
    { line: `cd nope; echo $?; cd f.txt; echo $?; cd a b` },
    { line: `cd /; pwd; cd; pwd; cd -; cd dir/sub; pwd; cd ..; pwd` },
    { line: `type cd echo if ls; type nope; echo $?; type -t cd ls if` },
    { line: `which ls cd echo; echo $?` },
    { line: `command -v ls cd` },
    { line: `alias k=kubectl; alias k; alias; unalias k; unalias k; echo $?` },
    { line: `export X=1; env | grep '^X='; export -n X; env | grep -c '^X='` },
    { line: `export 1x=2; echo $?` },
    { line: `printenv HOME; printenv NOPE; echo $?` },
    { line: `echo -n a; echo b; echo -e 'a\\tb\\nc'; echo -e 'x\\cy'; echo; echo -- -n; echo -nx; echo -E 'a\\tb'` },
    { line: `printf '%5.2f|%-4s|%03d|%x|%X|%o|%e|%g|%g|%G\\n' 3.14159 ab 7 255 255 8 12345.678 0.0001 123456789 1e-5` },
    { line: `printf '%s-%s\\n' a b c; printf '%d|%i\\n' 42 -7; printf 'x\\n' extra` },
    { line: `printf '%d\\n' abc 12abc "'A" 0x1F 010; echo $?` },
    { line: `printf '%b|%q|%q\\n' 'a\\tb' 'a b' "it's"` },
    { line: `printf '%5%'; echo " $?"` },
    { line: `printf -v V '%03d' 5; echo $V` },
    { line: `[ a = a ]; echo $?; [ 1 -lt 2 ]; echo $?; [ -f f.txt ]; echo $?; [ -d dir ]; echo $?; [ ! -e nope ]; echo $?` },
    { line: `[ a b ]; echo $?; [ 1 -eq x ]; echo $?; [ a = ; echo $?; test -n ""; echo $?` },
    { line: `[ "(" a ")" ]; echo $?; [ ! ]; echo $?; [ -z "" -a -n x ]; echo $?; [ a = b -o 1 -eq 1 ]; echo $?` },
    { line: `read -r a b <<< 'x\\y z w'; echo "$a|$b"; read c <<< 'p\\q'; echo "$c"` },
    { line: `history -x 2>/dev/null; true` },
    { line: `shift; echo $?; set -- a b; shift; echo $1` },
    { line: `eval 'echo $((1+1))'; eval "X=5"; echo $X` },
    { line: `echo 'echo sourced $1' > s.sh; . ./s.sh arg; source s.sh two; source nope; echo $?` },
    { line: `echo 'echo script $# $1' > s.sh; bash s.sh a b; sh -c 'echo $0 $1' me you; bash -c 'exit 7'; echo $?` },
  ],
  files: [
    { line: `cat nope dir; echo $?` },
    { line: `cat -n f.txt noeol.txt; echo; cat - < noeol.txt; echo` },
    { line: `ls | cat; ls -a | cat; ls -A dir | cat; ls dir/sub dir | cat; ls nope; echo $?` },
    { line: `ls -1 dir f.txt; ls -d dir; ls -F dir | cat; ls -R dir | cat` },
    { line: `ls -C -w 80; ls -C -w 40 -a` },
    { line: `mkdir d1; mkdir d1; mkdir x/y; echo $?; mkdir -p x/y/z; ls x/y; mkdir -p f.txt/q; mkdir -p f.txt; echo $?` },
    { line: `rm nope; rm dir; echo $?; rm -f nope; echo $?; rm -r dir; ls -1; rm; rm -rf /` },
    { line: `rmdir dir; rmdir nope; rmdir f.txt` },
    { line: `cp nope x; cp dir e; cp f.txt; cp; cp f.txt data.txt nofolder; cp f.txt f.txt; echo $?` },
    { line: `cp f.txt g.txt; cmp f.txt g.txt 2>/dev/null; cat g.txt | head -1; cp -r dir dir2; ls -1 dir2 dir2/sub; cp f.txt dir; ls -1 dir` },
    { line: `mv f.txt h.txt; ls -1; mv nope x; mv h.txt dir; ls -1 dir; mv; mv dir dir/sub` },
    { line: `touch new; ls new; touch nodir/x; echo $?; touch -c missing; ls missing` },
    { line: `chmod +x f.txt; [ -x f.txt ] && echo exec; chmod 600 data.txt; [ -x data.txt ] || echo noexec; chmod +x nope; chmod zz f.txt` },
    { line: `echo 'echo hi from script' > run.sh; ./run.sh; chmod +x run.sh; ./run.sh; echo $?` },
    { line: `echo hello | tee t1 t2; cat t1 t2; echo more | tee -a t1 >/dev/null; cat t1` },
    { line: `basename /a/b/c.yaml .yaml; basename dir/; dirname /a/b/c; dirname c; dirname /` },
  ],
  text: [
    { line: `head -2 f.txt; head -n 1 f.txt data.txt; head -c 5 f.txt; echo; head -n -3 data.txt` },
    { line: `tail -2 f.txt; tail -n +3 data.txt; tail -c 4 f.txt; tail -n 1 noeol.txt; echo; tail -n 1 f.txt data.txt` },
    { line: `head -n x f.txt; echo $?; head nope; echo $?` },
    { line: `wc f.txt; wc -l f.txt; wc -l < f.txt; cat f.txt | wc; cat f.txt | wc -l; wc -w f.txt data.txt; wc -c noeol.txt; wc -lw f.txt data.txt` },
    { line: `wc nope; echo $?; wc f.txt - < data.txt` },
    { line: `sort data.txt; sort -r data.txt; sort -u data.txt; sort -k2 -n data.txt; sort -k2,2nr data.txt; sort -f data.txt` },
    { line: `sort -t, -k3 -n csv.txt; sort -k 0 data.txt; echo $?; printf '10\\n9\\n1e2\\nabc\\n-1\\n' | sort -n; printf '10K\\n1M\\n2\\n' | sort -h` },
    { line: `printf 'b\\na\\nb\\n' | sort -c; echo $?; sort -o data.txt data.txt; cat data.txt` },
    { line: `printf 'x  b\\nx a\\n' | sort -k2; printf 'x  b\\nx a\\n' | sort -k2b; printf 'b\\na\\n' | sort -s -r` },
    { line: `uniq data.txt; sort data.txt | uniq -c; sort data.txt | uniq -d; sort data.txt | uniq -u; printf 'a\\nA\\n' | uniq -i` },
    { line: `cut -d, -f2 csv.txt; cut -d, -f1,3 csv.txt; cut -d, -f2- csv.txt; cut -c1-3 f.txt; cut -d' ' -f1 --complement f.txt` },
    { line: `printf 'a:b:c\\nnodelim\\n' | cut -d: -f2; printf 'a:b:c\\nnodelim\\n' | cut -s -d: -f1; printf 'a:b\\n' | cut -d: -f1,2 --output-delimiter=' '` },
    { line: `cut f.txt; cut -d ab -f1 f.txt; cut -f0 f.txt; cut -f 3-2 f.txt` },
    { line: `echo hello | tr a-z A-Z; echo 'a  b   c' | tr -s ' '; echo hello | tr -d l; echo hello | tr el xy; echo hello | tr a-z A-C; echo 'a b' | tr ' ' '\\n'` },
    { line: `echo hello | tr -c 'a-z\\n' X; echo 'Hello World' | tr '[:upper:]' '[:lower:]'; echo hello | tr; echo hello | tr a` },
    { line: `echo hello | base64; printf 'hi' | base64 -w0; echo; echo aGk= | base64 -d; echo; echo aGk | base64 -d; echo " $?"; echo 'aG!k' | base64 --decode; echo " $?"` },
    { line: `base64 deploy.yaml | base64 -d | head -2; cat deploy.yaml | base64 -w 20 | head -3` },
    { line: `seq 3; seq 2 4; seq 1 0.5 2; seq -w 8 10; seq -s, 3; seq 5 1; seq 1 2 6` },
    { line: `rev f.txt; echo abc | rev` },
  ],
  grep: [
    { line: `grep foo f.txt; grep -i hello f.txt; grep -v foo f.txt; grep -c o f.txt; grep -n bar f.txt` },
    { line: `grep -o 'fo*' f.txt; grep -w foo f.txt; grep -x 'foo bar' f.txt; grep -E 'hel+o|again' f.txt` },
    { line: `grep 'foo\\|Hello' f.txt; grep -F 'o-b' f.txt; grep -e foo -e again f.txt; grep -l foo f.txt data.txt; grep -L foo f.txt data.txt` },
    { line: `grep -n foo f.txt data.txt; grep -c foo f.txt data.txt; grep -h foo f.txt data.txt; grep -H foo f.txt` },
    { line: `grep Running pods.txt | awk '{print $1}'; grep -v NAME pods.txt | wc -l; grep -c Running pods.txt` },
    { line: `grep -A1 Pending pods.txt; grep -B1 -n db pods.txt; grep -C1 Pending pods.txt; printf 'a\\nb\\nc\\nd\\ne\\nf\\ng\\n' | grep -A1 -e b -e f` },
    { line: `grep nope f.txt; echo $?; grep foo nope f.txt; echo $?; grep -q foo nope f.txt; echo $?; grep -s foo nope; echo $?` },
    { line: `grep -r yaml dir; grep -r 'c: 3' .; grep foo dir; echo $?` },
    { line: `grep -E 'a('; echo $?; grep 'a\\('; echo $?; grep '[[:space:]'; echo $?; grep -E '[b-a]'; echo $?` },
    { line: `grep -E '*oo' f.txt; grep '*' f.txt; echo $?; grep -m1 foo f.txt` },
    { line: `grep; echo $?` },
    { line: `grep -i 'HELLO' f.txt | grep -o '[a-z]*$'; grep -ow '[a-z]*' noeol.txt` },
    { line: `grep -E '^(web|db)' pods.txt | cut -c1-10; grep '[0-9]/1' pods.txt | grep -c .` },
    { line: `grep '^$' f.txt; echo $?; printf 'a\\n\\nb\\n' | grep -c '^$'; grep '' noeol.txt` },
  ],
  awk: [
    { line: `awk '{print $1}' pods.txt; awk 'NR>1 {print $1, $3}' pods.txt` },
    { line: `awk '/Running/ {print $1}' pods.txt; awk '$3 == "Pending" {print $1}' pods.txt; awk '!/web/' pods.txt` },
    { line: `awk -F, '{print $2}' csv.txt; awk -F, 'NR>1 {s += $3} END {print "total", s}' csv.txt` },
    { line: `awk '{print NF, $NF, $(NF-1)}' f.txt; awk 'END {print NR}' f.txt data.txt; awk '{print FILENAME ":" FNR}' noeol.txt data.txt` },
    { line: `awk '{printf "%-10s|%5d|%.2f\\n", $1, $2, $2/3}' data.txt` },
    { line: `awk 'BEGIN {print 1+1, 7/2, 2^10, 10%3, -7%3, 0.1+0.2, 1e6, 1/3, int(-3.7), 100000*100}'` },
    { line: `awk 'BEGIN {x = "10"; y = 9; print (x > y), ("10" > "9"), (x+0 > y)}'; echo '10 9' | awk '{print ($1 > $2)}'` },
    { line: `awk 'BEGIN {s = "hello world"; print length(s), substr(s, 1, 5), substr(s, 7), index(s, "o"), toupper(s); n = split("a:b:c", a, ":"); print n, a[1], a[3]}'` },
    { line: `echo 'foo bar foo' | awk '{n = gsub(/foo/, "[&]"); print n, $0; sub(/bar/, "\\\\&"); print}'` },
    { line: `echo abc | awk '{gsub(/x*/, "-"); print}'; echo abc | awk '{gsub(/b*/, "-"); print}'; echo 'aaa' | awk '{print gsub(/a/, "b"), $0}'` },
    { line: `echo 'foobar' | awk '{print match($0, /o+b/), RSTART, RLENGTH; print match($0, /z/), RSTART, RLENGTH}'` },
    { line: `awk '{count[$1]++} END {for (k in count) print k, count[k]}' data.txt | sort` },
    { line: `awk 'BEGIN {for (i = 1; i <= 3; i++) {if (i == 2) continue; print i}; i = 0; while (i < 2) print "w" i++; do {print "d"} while (0)}'` },
    { line: `awk 'function max(a, b) {return a > b ? a : b} {m = max(m, $2)} END {print m}' data.txt` },
    { line: `echo 'a b c' | awk '{$2 = ""; print; print NF}'; echo 'a b c' | awk '{NF = 2; print}'; echo 'a:b' | awk -F: -v OFS=- '{$1 = $1; print}'; echo 'a b' | awk '{$5 = "e"; print; print NF}'` },
    { line: `awk -v n=3 'BEGIN {print n * 2}'; awk 'BEGIN {print ENVIRON["HOME"]}'; echo x | awk '{print v}' v=assigned` },
    { line: `printf 'a\\nb\\nc\\nd\\n' | awk 'NR==2, NR==3'; printf 'a\\nb\\nc\\n' | awk '/b/, 0'` },
    { line: `awk 'BEGIN {printf "%s %d %c %c %5.1f %e %x %o %%\\n", "s", "12abc", 65, "hello", 3.14159, 12345, 255, 8}'` },
    { line: `awk 'BEGIN {x'; echo $?; awk 'BEGIN {print 1' ; echo $?; awk '{print}' nope; echo $?` },
    { line: `printf 'k=v\\nx=y\\n' | awk -F= '{print $2 "=" $1}'; printf 'a  b\\tc\\n' | awk -F'\\t' '{print $2}'; printf 'a|b\\n' | awk -F'|' '{print $2}'` },
    { line: `awk 'BEGIN {RS = ""} {print NR ": " $1}' <<< $'p1 a\\nmore\\n\\n\\np2 b'` },
    { line: `awk '{print; next; print "never"}' noeol.txt; awk 'NR == 1 {exit 3} {print}' f.txt; echo $?` },
    { line: `awk 'BEGIN {getline line < "noeol.txt"; print "got", line; while ((getline l < "data.txt") > 0) n++; print n}'` },
    { line: `awk 'BEGIN {a["x"] = 1; delete a["x"]; print length(a), ("x" in a); b[1,2] = 3; for (k in b) {split(k, p, SUBSEP); print p[1], p[2]}}'` },
    { line: `awk '{print $1 > "out.txt"} END {close("out.txt")}' data.txt; cat out.txt; awk 'BEGIN {print "x" | "cat"; print "y" | "cat"}'` },
    { line: `echo '3 4' | awk '{print $1 * $2, $1 $2, $1 - -$2, -$1}'; awk 'BEGIN {print substr("hello", 2), substr("hello", -1), substr("hello", 2.5, 2)}'` },
  ],
  sed: [
    { line: `sed 's/foo/FOO/' f.txt; sed 's/o/0/g' f.txt; sed -n '2p' f.txt; sed '2d' f.txt` },
    { line: `sed -n '/foo/p' f.txt; sed '/foo/d' f.txt; sed -n '$p' f.txt; sed '1,2d' f.txt; sed '2,$d' f.txt; sed -n '2,/again/p' f.txt` },
    { line: `sed -E 's/(h)(e)/\\2\\1/; s/l+/\\U&/' f.txt; sed 's/\\(foo\\)-\\(bar\\)/\\2-\\1/' f.txt; sed 's/o/0/2' f.txt` },
    { line: `sed 's|apps/v1|apps/v2|' deploy.yaml; sed 's/replicas: 3/replicas: 5/' deploy.yaml | grep replicas` },
    { line: `sed -i 's/web/api/' deploy.yaml; cat deploy.yaml; sed -e 's/a/A/' -e 's/b/B/' data.txt` },
    { line: `sed '1i header' data.txt; sed '$a footer' data.txt; sed '2c changed' data.txt; sed -n '=' noeol.txt` },
    { line: `echo abc | sed 'y/abc/xyz/'; printf '1\\n2\\n3\\n' | sed '$!d'; printf '1\\n2\\n3\\n' | sed -n '1!G;h;$p'` },
    { line: `printf 'a\\nb\\nc\\n' | sed 'N;s/\\n/+/'; printf 'a\\nb\\nc\\nd\\n' | sed -n 'n;p'; seq 10 | sed -n '0~3p'; seq 5 | sed -n '2,+1p'` },
    { line: `sed 's/x/y' f.txt; echo $?; sed 'k' f.txt; echo $?; sed 's/a/b/q' f.txt; echo $?; sed nope_cmd nope; echo $?` },
    { line: `sed 3q f.txt; echo $?; seq 3 | sed '2q5'; echo $?; sed -n '/foo/{p;p}' f.txt` },
    { line: `echo 'hello world' | sed 's/\\w\\+/[&]/g; s/^/> /'; echo 'aaa' | sed 's/a*/x/g'; echo 'abc' | sed 's/b*/-/g'` },
    { line: `printf 'one\\ntwo\\n' | sed ':a;N;$!ba;s/\\n/,/g'` },
  ],
  xargs_env: [
    { line: `printf 'a\\nb\\n' | xargs echo; echo a b c | xargs -n1 echo; printf 'x\\ny\\n' | xargs -I{} echo "<{}>"` },
    { line: `printf '' | xargs echo none; printf '' | xargs -r echo none; echo "'a" | xargs echo; echo $?` },
    { line: `echo a | xargs nope; echo $?; echo a | xargs false; echo $?; echo a | xargs cd; echo $?` },
    { line: `ls dir | xargs -n 1 basename; echo f.txt data.txt | xargs wc -l` },
    { line: `env -i X=1 printenv X; env nope; echo $?; X=2 printenv X; env -u HOME printenv HOME; echo $?` },
  ],
  globs: [
    { line: `echo *.txt; echo *.yaml d*; echo nomatch*; echo "*.txt"; echo \\*.txt` },
    { line: `echo dir/*; echo dir/*/*; echo */; echo .*; echo ?.txt ??.txt; echo [df]*.txt; echo [!d]*.txt` },
    { line: `ls *.yaml | cat; cat dir/*.yaml; wc -l *.txt` },
  ],
};

describe.skipIf(!haveBash)("the simulated shell against real bash", () => {
  for (const [group, list] of Object.entries(cases)) {
    describe(group, () => {
      it.each(list.map((c) => [c.line, c] as const))("%s", async (_line, c) => {
        const expected = realBash(c.line);
        const actual = await simulated(c.line);
        const pick = (o: Outcome) => (c.only ? Object.fromEntries(c.only.map((k) => [k, o[k]])) : o);
        expect(pick(actual)).toEqual(pick(expected));
      });
    });
  }
});

if (!haveBash) {
  describe("the simulated shell against real bash", () => {
    it.skip("skipped: /bin/bash is not available on this machine", () => {});
  });
}
