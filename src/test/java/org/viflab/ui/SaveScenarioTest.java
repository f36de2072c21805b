package org.viflab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viflab.coordinator.Request;
import org.viflab.flow.Flow;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.model.Topology;
import org.viflab.scenario.AtomicFile;
import org.viflab.scenario.FullDisk;
import org.viflab.scenario.ScenarioReader;
import org.viflab.ui.flows.FlowRow;
import org.viflab.ui.scenario.StepRow;

/**
 * "Save as scenario" when the file cannot be written: the user reads which file and why in plain
 * words, the lab is as it was and still works, and a file already at that path is left whole.
 */
class SaveScenarioTest {

    @TempDir
    Path dir;

    private final RecordingNotifier notifier = new RecordingNotifier();

    private MainViewModel demo(AtomicFile.Opener output, Locale language) {
        MainViewModel vm = new MainViewModel(VifLabApp.h2Store(), new Texts(language), notifier, Runnable::run, output);
        vm.show(TestLabs.demo(), "demo");
        return vm;
    }

    private MainViewModel demo() {
        return demo(AtomicFile.ON_DISK, Locale.ENGLISH);
    }

    /** What the lab is: its snapshot (with its version) and its journal, as the database has them. */
    private record LabState(Topology snapshot, int journal) {
        static LabState of(MainViewModel vm) {
            var lab = vm.session().lab().orElseThrow();
            assertThat(vm.session().topology()).as("the views show the lab as it is").isEqualTo(lab.snapshot());
            return new LabState(lab.snapshot(), lab.journal().size());
        }
    }

    /** The lab still takes requests after the failure. */
    private static void stillWorks(MainViewModel vm) {
        var result = vm.session().submit(Request.Attach.attach(InterfaceId.interfaceId("vif-web"),
                InstanceId.instanceId("vm-1")));
        assertThat(result.accepted()).isTrue();
        assertThat(vm.session().topology().attachmentsOf(InterfaceId.interfaceId("vif-web"))).hasSize(1);
    }

    private static void assertNoTemporaryFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aFullDiskIsToldInPlainWordsAndTheLabAndTheOldFileStayAsTheyWere() throws IOException {
        MainViewModel vm = demo(FullDisk.after(64), Locale.ENGLISH);
        Path file = dir.resolve("lab.yaml");
        String old = "scenario: saved yesterday\n";
        Files.writeString(file, old);
        LabState before = LabState.of(vm);

        assertThat(vm.saveScenario(file, "Today")).isFalse();

        assertThat(notifier.failed).containsExactly("Cannot save " + file + " | The disk is full. Free some space, or"
                + " choose another disk, and save again. The lab is unchanged and still open, and the file already"
                + " there was left as it was.");
        assertThat(notifier.failures).as("not an unexpected error with a stack trace").isEmpty();
        assertThat(notifier.infos).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(old);
        assertNoTemporaryFiles(dir);
        assertThat(LabState.of(vm)).isEqualTo(before);
        stillWorks(vm);
    }

    @Test
    void aFullDiskIsToldInJapaneseToo() {
        MainViewModel vm = demo(FullDisk.after(0), Locale.JAPANESE);
        Path file = dir.resolve("lab.yaml");

        assertThat(vm.saveScenario(file, "今日")).isFalse();

        assertThat(notifier.failed).singleElement().asString()
                .startsWith(file + " を保存できません | ディスクがいっぱいです。")
                .endsWith("ラボは変更されておらず、開いたままです。");
        assertThat(file).doesNotExist();
    }

    @Test
    void aFolderThatDoesNotExistIsNamed() {
        MainViewModel vm = demo();
        Path folder = dir.resolve("gone");
        Path file = folder.resolve("lab.yaml");
        LabState before = LabState.of(vm);

        assertThat(vm.saveScenario(file, "Lab")).isFalse();

        assertThat(notifier.failed).containsExactly("Cannot save " + file + " | The folder " + folder
                + " does not exist. The lab is unchanged and still open.");
        assertThat(notifier.failures).isEmpty();
        assertThat(folder).doesNotExist();
        assertThat(LabState.of(vm)).isEqualTo(before);
        stillWorks(vm);
    }

    @Test
    void aFileWhereAFolderShouldBeIsNamed() throws IOException {
        MainViewModel vm = demo();
        Path notes = Files.writeString(dir.resolve("notes.txt"), "keep me");
        Path file = notes.resolve("lab.yaml");

        assertThat(vm.saveScenario(file, "Lab")).isFalse();

        assertThat(notifier.failed).containsExactly("Cannot save " + file + " | " + notes
                + " is a file, not a folder. The lab is unchanged and still open.");
        assertThat(Files.readString(notes)).isEqualTo("keep me");
    }

    @Test
    void aFolderChosenAsTheFileIsNotReplaced() throws IOException {
        MainViewModel vm = demo();
        Path folder = Files.createDirectory(dir.resolve("lab.yaml"));
        Files.writeString(folder.resolve("inside.txt"), "keep me");

        assertThat(vm.saveScenario(folder, "Lab")).isFalse();

        assertThat(notifier.failed).containsExactly("Cannot save " + folder + " | " + folder
                + " is a folder. Choose a file name. The lab is unchanged and still open.");
        assertThat(folder.resolve("inside.txt")).hasContent("keep me");
    }

    @Test
    void aFolderThatMayNotBeWrittenIsNamedAndItsFileKept() throws IOException {
        MainViewModel vm = demo();
        Path folder = Files.createDirectory(dir.resolve("locked"));
        Path file = Files.writeString(folder.resolve("lab.yaml"), "scenario: kept\n");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root may write anywhere: then sysfs, which refuses new files to everyone, stands in
            boolean refuses = !Files.isWritable(folder);
            Path target = file;
            if (!refuses) {
                Path sys = Path.of("/sys");
                Assumptions.assumeTrue(Files.isDirectory(sys) && !canCreateIn(sys),
                        "no folder here refuses this user's writes");
                folder = sys;
                target = sys.resolve("viflab-lab.yaml");
            }
            LabState before = LabState.of(vm);

            assertThat(vm.saveScenario(target, "Lab")).isFalse();

            assertThat(notifier.failed).singleElement().asString().isEqualTo("Cannot save " + target
                    + " | VIF Lab is not allowed to write in the folder " + folder + ". The lab is unchanged and"
                    + " still open" + (refuses ? ", and the file already there was left as it was." : "."));
            assertThat(notifier.failures).isEmpty();
            assertThat(Files.readString(file)).isEqualTo("scenario: kept\n");
            assertThat(LabState.of(vm)).isEqualTo(before);
            stillWorks(vm);
        } finally {
            Files.setPosixFilePermissions(dir.resolve("locked"), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static boolean canCreateIn(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, "viflab-probe", ".tmp"));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Each watched flow's disposition and landing instances, by name, in order. */
    private static Map<String, String> whereTrafficLands(MainViewModel vm) {
        Map<String, String> out = new LinkedHashMap<>();
        vm.session().watched().forEach((name, trace) -> out.put(name, trace.disposition() + " " + trace.landing()));
        return out;
    }

    @Test
    void aSavedLabOpensAgainWithItsWatchedFlowsLandingWhereTheyDid() {
        MainViewModel vm = demo();
        stillWorks(vm);
        Map<String, Flow> watched = new LinkedHashMap<>();
        vm.session().watched().forEach((name, trace) -> watched.put(name, trace.flow()));
        Map<String, String> lands = whereTrafficLands(vm);
        assertThat(lands).containsEntry("web", "DELIVERED [vm-1]").hasSize(2);
        Path file = dir.resolve("demo.yaml");

        assertThat(vm.saveScenario(file, "Demo with flows")).isTrue();

        assertThat(ScenarioReader.read(file).watch()).isEqualTo(watched);
        assertThat(vm.openScenario(file)).isTrue();
        vm.scenario().runAll();
        assertThat(vm.scenario().steps()).isNotEmpty().allMatch(row -> row.status() == StepRow.Status.PASSED);
        assertThat(whereTrafficLands(vm)).isEqualTo(lands);
        assertThat(vm.flows().rows()).extracting(FlowRow::name).containsExactly("web", "office-ssh");
    }

    @Test
    void aSavedLabReplacesTheOldFileAndReadsBack() throws IOException {
        MainViewModel vm = demo();
        Path file = Files.writeString(dir.resolve("lab.yaml"), "scenario: old\n".repeat(1000));

        assertThat(vm.saveScenario(file, "Demo, saved")).isTrue();

        assertThat(notifier.infos).containsExactly("Saved lab.yaml");
        assertThat(notifier.failed).isEmpty();
        assertThat(ScenarioReader.read(file).title()).isEqualTo("Demo, saved");
        assertNoTemporaryFiles(dir);
    }

    /** What was done by hand between the steps of an opened scenario is saved as steps among them. */
    @Test
    void whatWasDoneByHandIsSavedAsStepsAndReplaysToTheSameLab() {
        MainViewModel vm = new MainViewModel(VifLabApp.h2Store(), new Texts(Locale.ENGLISH), notifier, Runnable::run);
        assertThat(vm.openScenario(Path.of("scenarios/fig5-move-to-standby.yaml"))).isTrue();
        vm.scenario().next();
        vm.scenario().next();
        vm.session().principalProperty().set(org.viflab.model.PrincipalId.principalId("alice"));
        assertThat(vm.session().submit(Request.Detach.interfaceOf(InterfaceId.interfaceId("vif-web"))).accepted()).isTrue();
        assertThat(vm.session().submit(Request.Attach.attach(InterfaceId.interfaceId("vif-web"),
                InstanceId.instanceId("vm-2"))).accepted()).isTrue();
        assertThat(vm.session().submit(new Request.Move(InstanceId.instanceId("vm-2"),
                java.util.Optional.of(org.viflab.model.PlatformId.platformId("host-a")))).accepted()).isTrue();
        vm.undo();
        assertThat(vm.session().submit(new Request.Move(InstanceId.instanceId("vm-1"),
                java.util.Optional.of(org.viflab.model.PlatformId.platformId("host-b")))).accepted()).isTrue();
        vm.scenario().next();
        Topology saved = vm.session().topology();
        Map<String, String> lands = whereTrafficLands(vm);
        Path file = dir.resolve("by-hand.yaml");

        assertThat(vm.saveScenario(file, "Standby, by hand")).isTrue();

        var read = ScenarioReader.read(file);
        assertThat(read.steps()).extracting(step -> step.narration().orElse("by hand: " + step.action().describe()))
                .containsExactly(
                        "The web address is a record of its own, not attached yet; traffic to it goes nowhere.",
                        "Attach it to vm-1 as its second interface. Traffic from the internet now lands on vm-1.",
                        "by hand: detach interface vif-web as alice", "by hand: attach vif-web to vm-2 as alice",
                        "by hand: move vm-2 to host-a as alice", "by hand: move vm-2 to host-b as alice",
                        "by hand: move vm-1 to host-b as alice",
                        "vm-1 fails; detach the record. Its address and public address stay with it.");
        assertThat(vm.openScenario(file)).isTrue();
        vm.scenario().runAll();
        assertThat(vm.scenario().steps()).allMatch(row -> row.status() == StepRow.Status.PASSED);
        assertThat(vm.session().topology()).as("the same snapshot, generated ids and version included").isEqualTo(saved);
        assertThat(whereTrafficLands(vm)).isEqualTo(lands);
    }

    /** A lab that was not opened from a scenario starts from what it held when it was shown. */
    @Test
    void aLabShownAsItWasIsSavedWithTheRequestsDoneSince() {
        MainViewModel vm = new MainViewModel(VifLabApp.h2Store(), new Texts(Locale.ENGLISH), notifier, Runnable::run);
        var lab = org.viflab.lab.Lab.open(org.viflab.store.H2Repository.inMemory(), org.viflab.scenario.JournalCodec.INSTANCE);
        DemoLab.build(lab);
        vm.show(lab, "demo");
        stillWorks(vm);
        assertThat(vm.session().submit(new Request.Move(InstanceId.instanceId("vm-1"),
                java.util.Optional.of(org.viflab.model.PlatformId.platformId("host-b")))).accepted()).isTrue();
        vm.undo();
        Topology saved = vm.session().topology();
        Map<String, String> lands = whereTrafficLands(vm);
        Path file = dir.resolve("demo.yaml");

        assertThat(vm.saveScenario(file, "Demo")).isTrue();

        var read = ScenarioReader.read(file);
        assertThat(read.steps()).extracting(step -> step.action().describe()).endsWith(
                "attach vif-web to vm-1", "move vm-1 to host-b", "move vm-1 to host-a");
        assertThat(vm.openScenario(file)).isTrue();
        vm.scenario().runAll();
        assertThat(vm.scenario().steps()).allMatch(row -> row.status() == StepRow.Status.PASSED);
        assertThat(org.viflab.scenario.LabSnapshot.scenarioOf(vm.session().topology(), "Demo"))
                .as("the same lab but what a saved lab cannot keep (ADR 0004)")
                .isEqualTo(org.viflab.scenario.LabSnapshot.scenarioOf(saved, "Demo"));
        assertThat(vm.session().topology().attachments().keySet()).as("the attachment made by hand keeps its id")
                .containsAll(saved.attachmentsOf(InterfaceId.interfaceId("vif-web")).stream()
                        .map(org.viflab.model.Attachment::id).toList());
        assertThat(whereTrafficLands(vm)).isEqualTo(lands);
    }

    /** In a stepwise scenario, applying queued operations by hand (Step) is a propagate step. */
    @Test
    void operationsAppliedByHandAreSavedAsPropagateSteps() {
        MainViewModel vm = new MainViewModel(VifLabApp.h2Store(), new Texts(Locale.ENGLISH), notifier, Runnable::run);
        assertThat(vm.openScenario(Path.of("scenarios/stepwise-attach-before-placement.yaml"))).isTrue();
        vm.scenario().next();
        vm.step();
        vm.session().principalProperty().set(org.viflab.model.PrincipalId.principalId("alice"));
        assertThat(vm.session().submit(new Request.Place(InstanceId.instanceId("vm-new"),
                java.util.Optional.of(org.viflab.model.PlatformId.platformId("host-a")))).accepted()).isTrue();
        assertThat(vm.session().submit(new Request.Start(InstanceId.instanceId("vm-new"))).accepted()).isTrue();
        vm.step();
        Topology saved = vm.session().topology();
        var pending = vm.session().pending();
        assertThat(pending).as("operations still in flight").isNotEmpty();
        Map<String, String> lands = whereTrafficLands(vm);
        Path file = dir.resolve("stepwise.yaml");

        assertThat(vm.saveScenario(file, "Stepwise by hand")).isTrue();

        assertThat(ScenarioReader.read(file).steps()).extracting(step -> step.action().describe()).containsExactly(
                "launch vm-new t3.medium in zone-1 pending as alice", "propagate 1 operation(s)",
                "place vm-new on host-a as alice", "start vm-new as alice", "propagate 1 operation(s)");
        assertThat(vm.openScenario(file)).isTrue();
        vm.scenario().runAll();
        assertThat(vm.session().topology()).isEqualTo(saved);
        assertThat(vm.session().pending()).isEqualTo(pending);
        assertThat(whereTrafficLands(vm)).isEqualTo(lands);
    }
}
