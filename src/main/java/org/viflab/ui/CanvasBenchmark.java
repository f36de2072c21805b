package org.viflab.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.viflab.bench.Figure;
import org.viflab.coordinator.JournalEntry;
import org.viflab.coordinator.Repository;
import org.viflab.lab.LabGenerator;
import org.viflab.model.Topology;
import org.viflab.ui.canvas.CanvasKey;
import org.viflab.ui.canvas.TopologyCanvas;

/**
 * Measures the canvas on a large generated lab: how long opening it takes until the first frame is
 * drawn (with the progress bar showing meanwhile), how long one panning frame takes to render at
 * three zoom levels, how many real frames run late while panning, and how long an attach takes to
 * reach the screen. Figures, not assertions: {@code viflab bench} prints them beside their targets.
 *
 * <p>Call it from any thread but the FX thread; it starts the toolkit if needed and shows a window.
 */
public final class CanvasBenchmark {

    /** Frames per panning run. */
    private static final int FRAMES = 120;
    /** A frame at 60 Hz. */
    private static final long FRAME_NANOS = 16_666_667L;
    /** Attaches before those measured (the first ones after opening run colder code). */
    private static final int ATTACH_WARM_UP = 3;

    private CanvasBenchmark() {
    }

    public static List<Figure> run(LabStore store, int instances, int interfaces) {
        startToolkit();
        Path dir = scratchFolder();
        List<Figure> figures = new ArrayList<>();
        try {
            Path file = dir.resolve("bench-lab");
            long generateStart = System.nanoTime();
            LabGenerator.Generated generated = LabGenerator.generate(instances, interfaces);
            try (Repository repository = store.open(file.toString())) {
                repository.commit(0, generated.topology(), generated.ids(), new JournalEntry(
                        generated.topology().version(), Topology.OPERATOR, "load generated lab", "ok", Instant.now(),
                        Optional.empty()));
            }
            double generateSeconds = (System.nanoTime() - generateStart) / 1e9;
            String size = instances + " instances, " + interfaces + " interfaces";

            Texts texts = new Texts(java.util.Locale.ENGLISH);
            long[] openThreadCpu = new long[1];
            long[] fxCpu = new long[2];
            Thread[] fxThread = new Thread[1];
            MainViewModel vm = new MainViewModel(store, texts, Notifier.SILENT, task -> {
                Thread t = new Thread(() -> {
                    long cpuStart = threadCpuNanos();
                    task.run();
                    openThreadCpu[0] = threadCpuNanos() - cpuStart;
                    // The opened lab is now handed to the FX thread; until then it only animated the
                    // progress bar, for as long as the opening took.
                    fxCpu[0] = cpuNanos(fxThread[0]);
                }, "bench-open-lab");
                t.setDaemon(true);
                t.start();
            });
            Stage[] stage = new Stage[1];
            MainView view = fx(() -> {
                stage[0] = new Stage();
                MainView v = new MainView(vm, stage[0], 1600, 1000);
                stage[0].setScene(v.scene());
                stage[0].show();
                return v;
            });
            // Open: the database read and fabric compile run off the FX thread; then the layout,
            // the projection and the first frame on it.
            CountDownLatch shown = new CountDownLatch(1);
            long[] marks = new long[4];
            boolean[] progressShown = new boolean[1];
            marks[0] = System.nanoTime();
            fx(() -> {
                fxThread[0] = Thread.currentThread();
                vm.openLab(file.toString(), () -> {
                    marks[1] = System.nanoTime();
                    view.canvas().fit();
                    view.canvas().snapshot(null, null);
                    marks[2] = System.nanoTime();
                    fxCpu[1] = cpuNanos();
                    shown.countDown();
                });
                progressShown[0] = vm.loadingProperty().get();
                return null;
            });
            if (!shown.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the benchmark lab did not open within two minutes");
            }
            figures.add(new Figure("canvas: open " + size + " until the first frame", (marks[2] - marks[0]) / 1e9, "s",
                    OptionalDouble.empty(), OptionalDouble.of(3.0), false,
                    "read the H2 file, compile the fabric, lay out, project and render the first frame"
                            + (progressShown[0] ? " (progress bar shown meanwhile)" : "")));
            figures.add(new Figure("canvas: of which database, fabric and layout", (marks[1] - marks[0]) / 1e9, "s",
                    OptionalDouble.empty(), OptionalDouble.empty(), false, "off the FX thread"));
            figures.add(new Figure("canvas: of which projection and first frame", (marks[2] - marks[1]) / 1e9, "s",
                    OptionalDouble.empty(), OptionalDouble.empty(), false, "on the FX thread"));
            Thread.sleep(100); // the opening thread records its CPU time as it ends
            figures.add(new Figure("canvas: open CPU, opening thread and first frame", (openThreadCpu[0] + fxCpu[1] - fxCpu[0]) / 1e9,
                    "s", OptionalDouble.empty(), OptionalDouble.empty(), false, String.format(java.util.Locale.ROOT,
                    "opening thread %.2f s; FX and render threads from the hand-over to the first frame %.2f s"
                            + " (steadier than wall time when the machine is shared)",
                    openThreadCpu[0] / 1e9, (fxCpu[1] - fxCpu[0]) / 1e9)));
            figures.add(new Figure("canvas: generate and store the lab", generateSeconds, "s", OptionalDouble.empty(),
                    OptionalDouble.empty(), false, "set-up, not part of opening"));

            TopologyCanvas canvas = view.canvas();
            for (double zoom : new double[] {1.0, 0.3, 0.1}) {
                figures.addAll(fx(() -> pan(canvas, zoom)));
                figures.addAll(fx(() -> panStraight(canvas, zoom)));
            }
            figures.addAll(fx(() -> realFrames(canvas)));
            if (!generated.freeInterfaces().isEmpty()) {
                figures.addAll(fx(() -> attach(vm, canvas, generated)));
            }
            fx(() -> {
                stage[0].close();
                vm.close();
                return null;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            deleteRecursively(dir);
        }
        return figures;
    }

    /**
     * Renders {@link #FRAMES} panning frames at a zoom level, 60 a second, circling around the middle
     * of the lab so that the view stays on it; one frame = pan + cull + render of the canvas.
     */
    private static List<Figure> pan(TopologyCanvas canvas, double zoom) {
        canvas.fit();
        canvas.zoomBy(zoom / canvas.scale(), canvas.getWidth() / 2, canvas.getHeight() / 2);
        SnapshotParameters params = new SnapshotParameters();
        WritableImage image = new WritableImage((int) Math.max(1, canvas.getWidth()), (int) Math.max(1, canvas.getHeight()));
        canvas.snapshot(params, image);
        long[] frames = new long[FRAMES];
        long[] culls = new long[FRAMES];
        long[] cpu = new long[FRAMES];
        int nodes = 0;
        double radius = 400;
        double lastX = radius;
        double lastY = 0;
        long paced = System.nanoTime();
        for (int i = 0; i < FRAMES; i++) {
            paced = nextFrame(paced);
            double angle = 2 * Math.PI * (i + 1) / FRAMES;
            double x = radius * Math.cos(angle);
            double y = radius * Math.sin(angle);
            long cpuStart = cpuNanos();
            long start = System.nanoTime();
            canvas.panBy(x - lastX, y - lastY);
            long culled = System.nanoTime();
            canvas.snapshot(params, image);
            frames[i] = System.nanoTime() - start;
            cpu[i] = cpuNanos() - cpuStart;
            culls[i] = culled - start;
            lastX = x;
            lastY = y;
            nodes = Math.max(nodes, canvas.shownNodeCount());
        }
        String at = Math.round(zoom * 100) + "%";
        return List.of(
                new Figure("canvas: pan frame p95 at " + at, percentile(frames, 95) / 1e6, "ms", OptionalDouble.empty(),
                        OptionalDouble.of(16), false, "pan, cull and render the canvas (up to " + nodes
                        + " nodes in the scene)"),
                new Figure("canvas: pan frame median at " + at, percentile(frames, 50) / 1e6, "ms", OptionalDouble.empty(),
                        OptionalDouble.empty(), false, "same, median"),
                new Figure("canvas: pan frame CPU median at " + at, percentile(cpu, 50) / 1e6, "ms",
                        OptionalDouble.empty(), OptionalDouble.of(16), false,
                        "CPU time of the FX and render threads per frame (steady when the machine is shared)"),
                new Figure("canvas: pan frame CPU p95 at " + at, percentile(cpu, 95) / 1e6, "ms",
                        OptionalDouble.empty(), OptionalDouble.of(16), false, "same, 95th percentile"),
                new Figure("canvas: pan and cull p95 at " + at, percentile(culls, 95) / 1e6, "ms", OptionalDouble.empty(),
                        OptionalDouble.empty(), false, "the FX-thread work of a pan before rendering"));
    }

    /**
     * Renders {@link #FRAMES} panning frames going straight across the middle of the lab at a zoom
     * level, at the circle's speed: every step reaches parts of the lab not drawn before.
     */
    private static List<Figure> panStraight(TopologyCanvas canvas, double zoom) {
        canvas.fit();
        canvas.zoomBy(zoom / canvas.scale(), canvas.getWidth() / 2, canvas.getHeight() / 2);
        double step = 2 * Math.PI * 400 / FRAMES;
        double dx = step * 0.8;
        double dy = step * 0.6;
        canvas.panBy(dx * FRAMES / 2, dy * FRAMES / 2);
        SnapshotParameters params = new SnapshotParameters();
        WritableImage image = new WritableImage((int) Math.max(1, canvas.getWidth()), (int) Math.max(1, canvas.getHeight()));
        canvas.snapshot(params, image);
        long[] cpu = new long[FRAMES];
        long tilesBefore = canvas.tilesDrawn();
        long paced = System.nanoTime();
        for (int i = 0; i < FRAMES; i++) {
            paced = nextFrame(paced);
            long cpuStart = cpuNanos();
            canvas.panBy(-dx, -dy);
            canvas.snapshot(params, image);
            cpu[i] = cpuNanos() - cpuStart;
        }
        String at = Math.round(zoom * 100) + "%";
        String tiles = String.format(java.util.Locale.ROOT, "%.1f", (canvas.tilesDrawn() - tilesBefore) / (double) FRAMES);
        return List.of(
                new Figure("canvas: pan frame CPU median at " + at + ", going straight", percentile(cpu, 50) / 1e6, "ms",
                        OptionalDouble.empty(), OptionalDouble.of(16), false,
                        "pan, cull and render over new ground (" + tiles + " tiles drawn a frame)"),
                new Figure("canvas: pan frame CPU p95 at " + at + ", going straight", percentile(cpu, 95) / 1e6, "ms",
                        OptionalDouble.empty(), OptionalDouble.of(16), false, "same, 95th percentile"));
    }

    /**
     * Pans one step per real frame for three seconds at 100 % and counts the frames that came late;
     * also the CPU time the FX and render threads spent from one frame to the next.
     */
    private static List<Figure> realFrames(TopologyCanvas canvas) throws InterruptedException {
        canvas.fit();
        canvas.zoomBy(1.0 / canvas.scale(), canvas.getWidth() / 2, canvas.getHeight() / 2);
        List<Long> gaps = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        AnimationTimer timer = new AnimationTimer() {
            private long last;
            private long lastCpu;
            private int frame;
            private final long warm = System.nanoTime() + 1_000_000_000L;
            private final long end = warm + 3_000_000_000L;

            @Override
            public void handle(long now) {
                long cpuNow = cpuNanos();
                if (last != 0 && now > warm) {
                    gaps.add(now - last);
                    cpu.add(cpuNow - lastCpu);
                }
                last = now;
                lastCpu = cpuNow;
                // circle around the middle, 120 frames a turn
                double a0 = 2 * Math.PI * frame / 120;
                double a1 = 2 * Math.PI * (frame + 1) / 120;
                canvas.panBy(400 * (Math.cos(a1) - Math.cos(a0)), 400 * (Math.sin(a1) - Math.sin(a0)));
                frame++;
                if (now > end) {
                    stop();
                    done.countDown();
                }
            }
        };
        timer.start();
        long late = 0;
        // The timer runs on the FX thread: keep it turning in a nested event loop until it is done.
        Object key = new Object();
        Thread release = new Thread(() -> {
            try {
                done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Platform.runLater(() -> Platform.exitNestedEventLoop(key, null));
        });
        release.start();
        Platform.enterNestedEventLoop(key);
        for (long gap : gaps) {
            if (gap > 20_000_000L) {
                late++;
            }
        }
        double share = gaps.isEmpty() ? 0 : 100.0 * late / gaps.size();
        long[] intervals = gaps.stream().mapToLong(Long::longValue).toArray();
        double median = intervals.length == 0 ? 0 : percentile(intervals, 50) / 1e6;
        long[] work = cpu.stream().mapToLong(Long::longValue).toArray();
        return List.of(new Figure("canvas: real frames later than 20 ms while panning at 100%", share, "%",
                OptionalDouble.empty(), OptionalDouble.of(5), false,
                gaps.size() + " frames in three seconds after one of warm-up, median interval "
                        + String.format(java.util.Locale.ROOT, "%.1f", median) + " ms, one pan step per frame"),
                new Figure("canvas: real frame CPU p95 while panning at 100%",
                        work.length == 0 ? 0 : percentile(work, 95) / 1e6, "ms", OptionalDouble.empty(),
                        OptionalDouble.of(16), false, "CPU time of the FX and render threads from one real frame to"
                        + " the next (pan step, CSS, layout, tiles, window paint); median "
                        + String.format(java.util.Locale.ROOT, "%.1f", work.length == 0 ? 0 : percentile(work, 50) / 1e6)
                        + " ms"));
    }

    /**
     * Attaches free records through the canvas model, as a drop does, and renders the next frame:
     * {@link #ATTACH_WARM_UP} attaches to warm up, then the median of ten.
     */
    private static List<Figure> attach(MainViewModel vm, TopologyCanvas canvas, LabGenerator.Generated generated) {
        int runs = Math.min(ATTACH_WARM_UP + 10, generated.freeInterfaces().size());
        long[] wall = new long[Math.max(1, runs - ATTACH_WARM_UP)];
        long[] cpu = new long[wall.length];
        for (int i = 0; i < runs; i++) {
            org.viflab.model.InterfaceId record = generated.freeInterfaces().get(i);
            Topology t = vm.session().topology();
            String zone = t.interfaces().get(record).zone();
            Optional<org.viflab.model.InstanceId> instance = generated.instances().stream()
                    .filter(x -> t.instances().get(x).zone().equals(zone))
                    .filter(x -> t.attachmentsOn(x).size() < t.instances().get(x).limits().maxInterfaces())
                    .findFirst();
            if (instance.isEmpty()) {
                break;
            }
            long cpuStart = cpuNanos();
            long start = System.nanoTime();
            vm.canvas().drop(CanvasKey.of(CanvasKey.Kind.INTERFACE, record.value()),
                    CanvasKey.of(CanvasKey.Kind.INSTANCE, instance.get().value()));
            canvas.snapshot(null, null);
            if (i >= ATTACH_WARM_UP) {
                wall[i - ATTACH_WARM_UP] = System.nanoTime() - start;
                cpu[i - ATTACH_WARM_UP] = cpuNanos() - cpuStart;
            }
        }
        return List.of(
                new Figure("canvas: attach by drop until the next frame (median)", percentile(wall, 50) / 1e6, "ms",
                        OptionalDouble.empty(), OptionalDouble.of(100), false,
                        "request, re-layout of the whole lab, reconcile and render"),
                new Figure("canvas: attach by drop until the next frame, CPU (median)", percentile(cpu, 50) / 1e6, "ms",
                        OptionalDouble.empty(), OptionalDouble.of(100), false,
                        "CPU time of the FX and render threads (steady when the machine is shared)"));
    }

    /**
     * Waits for the next 60 Hz frame after {@code last} (as the screen would), so that each frame
     * has the time of a frame for its work: the canvas spreads the tiles ahead of the view over
     * frames by time.
     *
     * @return when this frame starts
     */
    private static long nextFrame(long last) {
        long due = last + FRAME_NANOS;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Math.max(due, System.nanoTime() - FRAME_NANOS / 2);
    }

    private static long threadCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /**
     * CPU time used so far by the FX thread and the renderer thread together: unlike wall time it
     * does not grow when other processes share the machine.
     */
    private static long cpuNanos() {
        return cpuNanos(Thread.currentThread());
    }

    /** CPU time used so far by {@code fxThread} and the renderer thread together. */
    private static long cpuNanos(Thread fxThread) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = Math.max(0, threads.getThreadCpuTime(fxThread.getId()));
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                total += Math.max(0, threads.getThreadCpuTime(t.getId()));
            }
        }
        return total;
    }

    private static long percentile(long[] samples, double p) {
        long[] sorted = Arrays.copyOf(samples, samples.length);
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100.0 * sorted.length) - 1));
        return sorted[index];
    }

    private static void startToolkit() {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        try {
            started.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T fx(Callable<T> body) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("run the canvas benchmark off the FX thread");
        }
        FutureTask<T> task = new FutureTask<>(body);
        Platform.runLater(task);
        try {
            return task.get(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("canvas benchmark step failed: " + e.getMessage(), e);
        }
    }

    private static Path scratchFolder() {
        try {
            return Files.createTempDirectory("viflab-canvas-bench");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder for the benchmark", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a scratch folder left behind in the temporary directory is harmless
        }
    }
}
