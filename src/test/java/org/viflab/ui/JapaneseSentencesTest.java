package org.viflab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.viflab.flow.Flow;
import org.viflab.net.Protocol;
import org.viflab.scenario.ScenarioReader;
import org.viflab.ui.canvas.CanvasKey.Kind;
import org.viflab.ui.flows.HopRow;

/**
 * With the UI in Japanese, the sentences said below it are Japanese too: why the coordinator
 * rejected a drop, why a watched flow ends as it does, why the trace editor cannot trace a flow,
 * why a lab file was refused, why a scenario file cannot be read. The lab itself
 * keeps them in English.
 */
@ExtendWith(ApplicationExtension.class)
class JapaneseSentencesTest {

    @TempDir
    Path dir;

    private MainWindowFixture window;

    @Start
    void start(Stage stage) {
        window = new MainWindowFixture(stage);
    }

    private void speakJapanese(FxRobot robot) {
        robot.interact(() -> window.vm.texts().localeProperty().set(Locale.JAPANESE));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aRejectedDropIsToldInJapanese(FxRobot robot) {
        speakJapanese(robot);

        robot.drag(window.node(robot, Kind.INTERFACE, "vif-web"), MouseButton.PRIMARY)
                .dropTo(window.node(robot, Kind.INSTANCE, "vm-3"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.attachedTo("vif-web")).isEmpty();
        assertThat(window.notifier.rejections).singleElement().asString()
                .startsWith("AttachmentLimitExceeded — インスタンスに空きスロットがありません: t3.micro で使えるネットワーク"
                        + "インターフェイスは ")
                .contains(" 個までですが、vm-3 にはすでに ").endsWith(" 個あります。");
        Label status = robot.lookup("#status-error").query();
        assertThat(status.getText()).startsWith("AttachmentLimitExceeded: t3.micro で使えるネットワークインターフェイスは ");
        // what the lab keeps (journal, scenario files, command line) is still English
        assertThat(window.vm.session().lastErrorProperty().get().message()).startsWith("t3.micro allows ");
    }

    @Test
    void theRedFeedbackWhileHoveringSpeaksJapanese(FxRobot robot) {
        speakJapanese(robot);

        robot.drag(window.node(robot, Kind.INTERFACE, "vif-web"), MouseButton.PRIMARY)
                .moveTo(window.node(robot, Kind.INSTANCE, "vm-3"));
        Label feedback = robot.lookup("#drop-feedback").query();
        assertThat(feedback.getText()).startsWith("✖ AttachmentLimitExceeded: ")
                .contains("t3.micro で使えるネットワークインターフェイスは ");
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.attachedTo("vif-web")).isEmpty();
    }

    @Test
    void aWatchedFlowsExplanationIsSaidAgainInJapanese(FxRobot robot) {
        robot.interact(() -> window.vm.flows().selectedProperty().set("web"));
        assertThat(window.vm.flows().explanationProperty().get())
                .startsWith("DETACHED (vif-web): vif-web is not attached to any instance, so nothing receives traffic for ");

        speakJapanese(robot);
        robot.clickOn("#tab-flows .tab-label");
        WaitForAsyncUtils.waitForFxEvents();

        Label explanation = robot.lookup("#flows-explanation").query();
        assertThat(explanation.getText())
                .startsWith("DETACHED (vif-web): vif-web はどのインスタンスにもアタッチされていないため、")
                .endsWith(" 宛てのトラフィックを受信するものはありません");
        assertThat(window.vm.session().watched().get("web").explanation().sentence())
                .startsWith("vif-web is not attached to any instance");
        TableView<HopRow> hops = robot.lookup("#flows-hops").queryTableView();
        HopRow last = hops.getItems().get(hops.getItems().size() - 1);
        assertThat(last.component()).startsWith("マッピング ");
        assertThat(last.detail()).endsWith(" はどのインスタンスにもアタッチされていない");
    }

    @Test
    void theTraceEditorSaysWhyAFlowCannotBeTracedInTheUiLanguage(FxRobot robot) {
        robot.clickOn("#tab-trace .tab-label");
        robot.clickOn("#trace-from").write("vm-1");
        robot.clickOn("#trace-to").write("x");
        robot.clickOn("#trace-run");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#trace-error").queryAs(Label.class).getText())
                .isEqualTo("no instance or interface record is named 'x'");

        speakJapanese(robot);
        robot.clickOn("#tab-trace .tab-label");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#trace-error").queryAs(Label.class).getText())
                .isEqualTo("'x' という名前のインスタンスもネットワークインターフェイスもありません");

        robot.clickOn("#trace-watch-name").write("typo");
        robot.clickOn("#trace-watch");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#trace-error").queryAs(Label.class).getText())
                .isEqualTo("'x' という名前のインスタンスもネットワークインターフェイスもありません");
        assertThat(window.vm.session().watched()).doesNotContainKey("typo");
        // the command line and scenario files read the same error in English
        assertThat(catchThrowable(() -> window.vm.session().trace(Flow.of("vm-1", "x", Protocol.TCP, 80))))
                .hasMessage("no instance or interface record is named 'x'");
    }

    @Test
    void aLabFileThatIsNotALabIsRefusedInJapanese(FxRobot robot) throws IOException {
        Path data = dir.resolve("photos.mv.db");
        Files.write(data, "these are holiday photos, not a lab".repeat(200).getBytes(StandardCharsets.UTF_8));
        speakJapanese(robot);

        robot.interact(() -> window.vm.openLab(data.toString(), () -> { }));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.notifier.failed).singleElement().asString()
                .startsWith("ラボ " + data + " を開けません | ラボファイル " + data + " は VIF Lab のラボではありません。")
                .endsWith("ファイルは変更されていません。 開いていたラボはそのまま開いています。");
        assertThat(window.notifier.failures).isEmpty();
    }

    @Test
    void aScenarioFileThatCannotBeReadIsExplainedInJapaneseAtItsPlaceAsWritten(FxRobot robot) throws IOException {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "scenario: Typo\ntopology:\n  partitions:\n    - {id: vpc-a, cidr: 10.0.0.0/16}\n"
                + "  subnets:\n    - {id: web, partition: vpc-a, cidr: 10.0.1.0/24, zone: zone-1, rotues: []}\n");
        speakJapanese(robot);

        robot.interact(() -> window.vm.openScenario(file));
        WaitForAsyncUtils.waitForFxEvents();

        String where = file + ":6:68: topology.subnets[0].rotues: ";
        assertThat(window.notifier.rejections).containsExactly("シナリオを開けません: " + where
                + "不明なキー 'rotues' です（'routes' のことですか？）。使用できるキー: id, partition, cidr, zone, routes");
        robot.clickOn("#tab-scenario .tab-label");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#scenario-error").queryAs(Label.class).getText())
                .isEqualTo(where + "不明なキー 'rotues' です（'routes' のことですか？）。使用できるキー: id, partition, cidr, zone, routes");
        // the command line reads the same error in English
        assertThat(catchThrowable(() -> ScenarioReader.read(file))).hasMessage(where
                + "unknown key 'rotues' (did you mean 'routes'?); expected one of: id, partition, cidr, zone, routes");
    }
}
