package dev.goenvdoctor.bench;

import static dev.goenvdoctor.bench.Table.format;
import static dev.goenvdoctor.bench.Table.ms;

import dev.goenvdoctor.bench.Table.Verdict;
import dev.goenvdoctor.probe.workspace.FolderFacts;
import dev.goenvdoctor.probe.workspace.WorkspaceProblem;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Every figure of the benchmarks issue in one run on one machine, each beside its floor and target, as one
 * Markdown table (bench/run appends it to docs/BENCHMARKS.md under a heading with the machine and date).
 *
 * <p>Arguments: {@code --launcher bin/go-env-doctor --jar server/target/go-env-doctor.jar --scenario DIR}, {@code
 * --trees DIR} (where the generated monorepos are kept for the next run), and
 * {@code --quick} for a smoke run with few repetitions and small trees (its figures mean nothing), {@code --only
 * walk} (or {@code diagnosis}, {@code edits}, {@code cold}) to run one part while working on it.
 */
public final class Benchmarks {
  static final String DIAGNOSIS = "diagnosis";
  static final double TRUSTED_FACTOR = 1.2;
  static final double ZERO_EXEC_MS = 25;
  static final double EDIT_P95_MS = 5;
  static final double COLD_START_FACTOR = 3;
  static final double RSS_MIB = 80;
  static final double WALK_2000_MS = 400;
  /** "Linear": the cost per directory of the largest tree at most this many times that of the middle one. */
  static final double LINEAR_RATIO = 1.5;

  private final Table table = new Table();
  private final Path launcher;
  private final Path jar;
  private final Path scenario;
  private final boolean quick;
  private final String only;
  private final Path tmp;
  private final Path trees;

  private Benchmarks(Map<String, String> args) throws IOException {
    launcher = Path.of(args.getOrDefault("--launcher", "bin/go-env-doctor")).toAbsolutePath();
    jar = Path.of(args.getOrDefault("--jar", "server/target/go-env-doctor.jar")).toAbsolutePath();
    scenario = Path.of(args.getOrDefault("--scenario", "server/src/test/testdata/ubuntu-apt-and-tarball-in-bashrc")).toAbsolutePath();
    quick = args.containsKey("--quick");
    only = args.getOrDefault("--only", "");
    tmp = Files.createTempDirectory("go-env-doctor-bench");
    trees = Files.createDirectories(Path.of(args.getOrDefault("--trees", "server/target/bench-trees")).toAbsolutePath());
  }

  /** Prints the Markdown table of one run to stdout (progress to stderr) and exits with 0; a failed run throws. */
  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new LinkedHashMap<>();
    for (int i = 0; i < argv.length; i++) {
      boolean hasValue = i + 1 < argv.length && !argv[i + 1].startsWith("--");
      args.put(argv[i], hasValue ? argv[++i] : "");
    }
    Benchmarks b = new Benchmarks(args);
    try {
      System.out.print(b.run());
    } finally {
      b.deleteTemporaryFiles();
    }
    // Daemon threads of the in-process server and probes may still wait on a pipe.
    System.exit(0);
  }

  private int reps(int full) {
    return quick ? Math.min(full, 3) : full;
  }

  private boolean part(String name) {
    return only.isEmpty() || only.equals(name);
  }

  private String run() throws Exception {
    StandardHome standard = StandardHome.create(tmp);
    StandardHome real = StandardHome.real(tmp);
    if (part("diagnosis")) {
      diagnosisRows(standard, real);
    }
    if (part("edits")) {
      progress("settings.json edits");
      editRow(standard);
    }
    if (part("cold")) {
      progress("cold start");
      coldStartRows(standard);
    }
    if (part("walk")) {
      progress("workspace walk");
      walkRows();
    }
    progress("done");
    return table.markdown();
  }

  private void floorRows(String who, StandardHome user, Floors.Result f) {
    table.floor(format("`%s -i -l -c true`, %s", user.shell(), who), f.interactiveShell());
    table.floor(format("`%s -l -c true`, %s", user.shell(), who), f.loginShell());
    table.floor(format("`%s env -json` (%d names), %s", Floors.GO, dev.goenvdoctor.probe.go.GoEnvRunner.DEFAULT_NAMES.size(), who),
        f.goEnv());
    table.floor("parallel floor: both shells and `go env` started together, " + who, f.parallel());
  }

  /** Floors and diagnoses of one HOME are measured round by round, so their ratio holds on a busy machine. */
  private Map<String, Samples> floorsAndDiagnosis(Floors floors, StandardHome user, DiagnosisBench.Prepared diagnosis) {
    Map<String, Callable<?>> work = new LinkedHashMap<>(floors.work(user));
    work.put(DIAGNOSIS, diagnosis::once);
    return Samples.interleaved(reps(3), reps(15), work);
  }

  private void diagnosisRows(StandardHome standard, StandardHome real) throws IOException {
    Floors floors = new Floors();
    progress("floors and trusted diagnosis, standard HOME");
    DiagnosisBench.Prepared da = DiagnosisBench.real(standard, true);
    Map<String, Samples> ta = floorsAndDiagnosis(floors, standard, da);
    progress("floors and trusted diagnosis, this machine's HOME");
    DiagnosisBench.Prepared db = DiagnosisBench.real(real, true);
    Map<String, Samples> tb = floorsAndDiagnosis(floors, real, db);
    Floors.Result fa = Floors.result(ta);
    Floors.Result fb = Floors.result(tb);
    floorRows("standard HOME", standard, fa);
    floorRows("this machine's HOME", real, fb);

    DiagnosisBench.Result a = da.result(ta.get(DIAGNOSIS));
    DiagnosisBench.Result b = db.result(tb.get(DIAGNOSIS));
    double limitA = TRUSTED_FACTOR * fa.slowestSingle();
    table.row("full trusted diagnosis, warm, in-process (standard HOME: /etc/skel + Go tarball line in ~/.profile)",
        Table.time(a.time()) + format("; %.2f x the slowest floor", a.time().median() / fa.slowestSingle()),
        format("slowest single probe %s; parallel %s", ms(fa.slowestSingle()), ms(fa.parallel().median())),
        format("<= %.1f x slowest floor = %s", TRUSTED_FACTOR, ms(limitA)), Verdict.of(a.time().median() <= limitA));
    table.row("full trusted diagnosis, warm, in-process (this machine's HOME)",
        Table.time(b.time()) + format("; %.2f x the slowest floor", b.time().median() / fb.slowestSingle()),
        format("slowest single probe %s; parallel %s", ms(fb.slowestSingle()), ms(fb.parallel().median())),
        format("(information: 1.2 x would be %s)", ms(TRUSTED_FACTOR * fb.slowestSingle())), Verdict.INFO);
    table.note(format("Full trusted diagnosis = snapshot (two shells and `go env` in parallel, everything else read "
        + "from files meanwhile) + every rule; floors and diagnoses of one HOME ran round by round. Standard HOME: %.2f x "
        + "its parallel floor; the last snapshot's parts (ms; the shells overlap the rest): %s; every rule on that "
        + "snapshot alone: %s median.", a.time().median() / fa.parallel().median(), da.lastTimings(),
        ms(da.rulesOnly(reps(40)).median())));
    table.note(format("This machine's HOME: %.2f x its parallel floor (%s). Its shells' own start-up files (e.g. a "
        + "`pyenv init` in ~/.bashrc) set that floor, and on %d cores two shells started together contend for the CPU. "
        + "The verdict uses the standard HOME, which every machine of this distribution can rebuild.",
        b.time().median() / fb.parallel().median(), ms(fb.parallel().median()), Runtime.getRuntime().availableProcessors()));

    int allowed = a.distinctGo().size() + 2;
    table.row("process spawns per full diagnosis, trusted (standard HOME)",
        format("%d (%d shells, %d `go env`)", a.spawnsPerRun(), a.shells(), a.goRuns()),
        format("distinct go: %s", String.join(", ", a.distinctGo())),
        format("<= 1 per distinct go + 2 shells = %d", allowed), Verdict.of(a.spawnsPerRun() <= allowed && a.shells() <= 2));
    DiagnosisBench.Prepared restricted = DiagnosisBench.restricted(standard);
    DiagnosisBench.Result r = restricted.result(restricted.measure(1, reps(5)));
    table.row("process spawns per full diagnosis, untrusted (Restricted Mode: the client turns exec off)",
        Integer.toString(r.spawnsPerRun()), "-", "0", Verdict.of(r.spawnsPerRun() == 0));
    DiagnosisBench.Prepared exec = DiagnosisBench.real(standard, false);
    DiagnosisBench.Result u = exec.result(exec.measure(1, reps(5)));
    table.row("process spawns per full diagnosis, untrusted but exec left on (no client says otherwise)",
        format("%d (%d shells, %d `go env`)", u.spawnsPerRun(), u.shells(), u.goRuns()),
        "-", "(information: only the user's own shell and Go run, nothing the workspace names)", Verdict.INFO);
    zeroExecRow();
  }

  private void zeroExecRow() throws IOException {
    DiagnosisBench.Prepared zero = DiagnosisBench.zeroExec(scenario);
    DiagnosisBench.Result z = zero.result(zero.measure(reps(30), reps(100)));
    table.row(format("zero-exec diagnosis, warm, in-process (%s)", scenario.getFileName()), Table.time(z.time()),
        "-", format("median <= %s", ms(ZERO_EXEC_MS)), Verdict.of(z.time().median() <= ZERO_EXEC_MS && z.spawnsPerRun() == 0));
    table.note(format("Zero-exec diagnosis: %d spawns; the last snapshot's parts (ms): %s; every rule alone: %s median.",
        z.spawnsPerRun(), zero.lastTimings(), ms(zero.rulesOnly(reps(100)).median())));
  }

  private void editRow(StandardHome standard) throws IOException {
    EditLatencyBench.Result e = new EditLatencyBench().run(standard, reps(100), quick ? 20 : 250);
    table.row("settings.json `didChange` -> `publishDiagnostics`, server-side (real server in-process, trusted, standard HOME)",
        format("%s p95, %s median (%d edits); %d spawns during the edits", ms(e.serverSide().p95()), ms(e.serverSide().median()),
            e.serverSide().runs(), e.spawnsDuringEdits()),
        "-", format("p95 <= %s, 0 spawns", ms(EDIT_P95_MS)),
        Verdict.of(e.serverSide().p95() <= EDIT_P95_MS && e.spawnsDuringEdits() == 0));
    table.row("the same, client-side (bench's hand-off both ways included)", Table.time(e.clientSide()), "-", "-", Verdict.INFO);
    table.note(format("Edits: %d processes ran before the first edit (the trusted start-up: shells and `go env`), %d "
        + "during the edits. Server-side time runs from the server's reader taking the `didChange` off its input to the "
        + "flush of the `publishDiagnostics` of that version.", e.spawnsAtStart(), e.spawnsDuringEdits()));
  }

  private void coldStartRows(StandardHome standard) throws IOException {
    ColdStartBench cold = new ColdStartBench(launcher, tmp);
    Map<String, String> env = standard.environment();
    Path archive = Path.of(jar.toString().replaceFirst("\\.jar$", ".jsa"));
    boolean hasArchive = Files.isRegularFile(archive);
    List<String> scenarioArgs = List.of("--root", scenario.resolve("root").toString(), "--env", scenario.resolve("env").toString(),
        "--workspace", Files.readString(scenario.resolve("workspace")).strip());
    List<ColdStartBench.Variant> variants = new ArrayList<>();
    variants.add(new ColdStartBench.Variant("launcher", scenarioArgs, env, false));
    if (hasArchive) {
      // The launcher takes the archive next to the jar: a copy of the jar alone starts the same way without it.
      Path copy = Files.createDirectories(tmp.resolve("no-archive")).resolve(jar.getFileName());
      Files.copy(jar, copy);
      Map<String, String> withoutArchive = new LinkedHashMap<>(env);
      withoutArchive.put("GO_ENV_DOCTOR_JAR", copy.toString());
      variants.add(new ColdStartBench.Variant("no archive", scenarioArgs, withoutArchive, false));
    }
    Map<String, String> shareOff = new LinkedHashMap<>(env);
    shareOff.put("_JAVA_OPTIONS", "-Xshare:off");
    variants.add(new ColdStartBench.Variant("share off", scenarioArgs, shareOff, false));
    variants.add(new ColdStartBench.Variant("real", List.of("--trust-workspace", "--workspace", standard.workspace().toString()),
        env, true));
    ColdStartBench.Runs runs = cold.measure(cold.helloJar(), env, variants, reps(2), reps(10));
    Samples hello = runs.hello();
    table.floor("`java` hello-world through the launcher (its flags, no archive), process start -> exit", hello);

    ColdStartBench.Result launched = runs.variants().get("launcher");
    double limit = COLD_START_FACTOR * hello.median();
    table.row(format("cold start: `go-env-doctor serve --stdio` start -> first `publishDiagnostics` (%s, static findings), launcher %s",
            scenario.getFileName(), hasArchive ? "with its AppCDS archive" : "(no archive)"),
        Table.time(launched.firstPublish()), "hello-world " + ms(hello.median()),
        format("<= %.0f x hello-world = %s", COLD_START_FACTOR, ms(limit)), Verdict.of(launched.firstPublish().median() <= limit));
    if (hasArchive) {
      ColdStartBench.Result plain = runs.variants().get("no archive");
      table.row("the same without the AppCDS archive (the JDK's default CDS only)", Table.time(plain.firstPublish()), "-",
          format("(information: the archive saves %s of the median)", ms(plain.firstPublish().median() - launched.firstPublish().median())),
          Verdict.INFO);
    } else {
      table.note("No AppCDS archive (" + archive + ") exists: the launcher ran without one, so there is no gain to show.");
    }
    ColdStartBench.Result off = runs.variants().get("share off");
    table.row("the same with class data sharing off (`-Xshare:off`)", Table.time(off.firstPublish()), "-",
        format("(information: sharing saves %s of the median)", ms(off.firstPublish().median() - launched.firstPublish().median())),
        Verdict.INFO);
    table.row("resident memory (VmRSS) at the first `publishDiagnostics`, launcher", mib(launched.rssAtFirstPublish()), "-",
        format("<= %.0f MB", RSS_MIB), Verdict.of(launched.rssAtFirstPublish().median() <= RSS_MIB));

    ColdStartBench.Result refined = runs.variants().get("real");
    table.row("real machine, trusted, standard HOME: start -> first `publishDiagnostics` / -> shell probe done",
        format("%s / %s (medians, %d runs)", ms(refined.firstPublish().median()), ms(refined.refined().median()),
            refined.firstPublish().runs()), "-", "(information)", Verdict.INFO);
    table.row("resident memory (VmRSS) after the trusted refinement (shells and `go env` ran), launcher",
        mib(refined.rssAfterRefinement()), "-", format("<= %.0f MB", RSS_MIB),
        Verdict.of(refined.rssAfterRefinement().median() <= RSS_MIB));
    table.note("Cold start: the hello-world floor and every way of starting the server ran round by round.");
  }

  private static String mib(Samples s) {
    return format("%.1f MiB median, %.1f MiB max of %d", s.median(), s.p95(), s.runs());
  }

  private void walkRows() throws IOException {
    WalkBench walk = new WalkBench(trees, tmp);
    int[] sizes = quick ? new int[] {20, 200, 2000} : new int[] {200, 2000, 20000};
    List<WalkBench.Result> results = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      progress("workspace walk: " + sizes[i] + " modules");
      // The largest tree: its generation leaves it in the cache, so one untimed walk warms the JIT enough.
      results.add(walk.measure(sizes[i], i == 2 ? 1 : 3, i == 2 ? reps(3) : reps(7)));
    }
    for (WalkBench.Result r : results) {
      boolean target = r.modules() == 2000;
      table.row(format("workspace probe, warm: %,d modules, %,d directories (%,d walked, %,d go.mod found)", r.modules(),
              r.directoriesInTree(), r.directoriesWalked(), r.goModsFound()),
          Table.time(r.time()) + format("; %.2f ms per 1,000 directories walked", r.msPer1000Dirs()),
          format("`find` (no stat) %s; the probe takes %.2f x", ms(r.find().median()), r.time().median() / r.find().median()),
          target ? format("<= %s", ms(WALK_2000_MS)) : "-",
          target ? Verdict.of(r.time().median() <= WALK_2000_MS && r.goModsFound() == 2000) : Verdict.INFO);
    }
    double ratio = results.get(2).msPer1000Dirs() / results.get(1).msPer1000Dirs();
    table.row("workspace probe growth: cost per directory, largest tree / middle tree", format("%.2f", ratio), "-",
        format("linear: <= %.1f", LINEAR_RATIO), Verdict.of(ratio <= LINEAR_RATIO));
    FolderFacts bounded = walk.withDefaultLimits(sizes[2]);
    table.note(format("The walk's shipped limits (%,d directories, %d levels) on the largest tree: %s", bounded.walk().limits().maxDirectories(),
        bounded.walk().limits().maxDepth(), bounded.walk().capHit()
            ? "it stopped early, and the user is told: \"" + String.join("; ", bounded.problems().stream().map(WorkspaceProblem::display).toList()) + "\""
            : "it walked everything (" + bounded.walk().directoriesVisited() + " directories)."));
  }

  private static final long STARTED = System.nanoTime();

  private static void progress(String what) {
    System.err.printf("bench: %3d s: %s...%n", (System.nanoTime() - STARTED) / 1_000_000_000L, what);
  }

  private void deleteTemporaryFiles() throws IOException {
    deleteTree(tmp);
  }

  static void deleteTree(Path top) throws IOException {
    Files.walkFileTree(top, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
