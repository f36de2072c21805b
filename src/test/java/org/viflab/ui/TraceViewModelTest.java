package org.viflab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.viflab.net.Protocol;
import org.viflab.ui.flows.FlowRow;
import org.viflab.ui.flows.TraceViewModel;

/** The trace editor without a window: what it says about a flow it cannot trace, in the UI's language. */
class TraceViewModelTest {

    private MainViewModel main;
    private TraceViewModel editor;

    @BeforeEach
    void open() {
        main = TestLabs.demoViewModel(new RecordingNotifier());
        editor = main.trace();
    }

    private void flow(String from, String to, String port) {
        editor.fromProperty().set(from);
        editor.toProperty().set(to);
        editor.protocolProperty().set(Protocol.TCP);
        editor.portProperty().set(port);
    }

    private void speakJapanese() {
        main.texts().localeProperty().set(Locale.JAPANESE);
    }

    @Test
    void anUnknownObjectIsNamedInEnglish() {
        flow("vm-1", "x", "80");
        assertThat(editor.trace()).isEmpty();
        assertThat(editor.errorProperty().get()).isEqualTo("no instance or interface record is named 'x'");
    }

    @Test
    void anUnknownObjectIsNamedInJapaneseAfterSwitchingLanguage() {
        speakJapanese();
        flow("vm-1", "x", "80");
        assertThat(editor.trace()).isEmpty();
        assertThat(editor.errorProperty().get()).isEqualTo("'x' という名前のインスタンスもネットワークインターフェイスもありません");
    }

    @Test
    void theErrorOnShowIsSaidAgainWhenTheLanguageChanges() {
        flow("vpn:vpc-a", "vm-1", "22");
        assertThat(editor.trace()).isEmpty();
        assertThat(editor.errorProperty().get())
                .isEqualTo("partition vpc-a has no VPN gateway, so there is no on-premises host behind it");
        speakJapanese();
        assertThat(editor.errorProperty().get())
                .isEqualTo("パーティション vpc-a には VPN ゲートウェイがないため、その先にオンプレミスのホストはありません");
        main.texts().localeProperty().set(Locale.ENGLISH);
        assertThat(editor.errorProperty().get())
                .isEqualTo("partition vpc-a has no VPN gateway, so there is no on-premises host behind it");
    }

    @Test
    void endpointsAndPortsThatDoNotParseAreToldInTheUiLanguage() {
        flow("", "vm-1", "80");
        assertThat(editor.flow()).isEmpty();
        assertThat(editor.errorProperty().get()).isEqualTo("missing flow endpoint");
        flow("vm-1", "10.0.1.300", "80");
        assertThat(editor.flow()).isEmpty();
        assertThat(editor.errorProperty().get()).isEqualTo("'10.0.1.300' is not an IPv4 address");

        speakJapanese();
        assertThat(editor.errorProperty().get()).isEqualTo("'10.0.1.300' は IPv4 アドレスではありません");
        flow("", "vm-1", "80");
        assertThat(editor.flow()).isEmpty();
        assertThat(editor.errorProperty().get()).isEqualTo("フローの送信元または宛先が指定されていません");
        flow("vm-1", "vm-2", "70000");
        assertThat(editor.flow()).isEmpty();
        assertThat(editor.errorProperty().get()).isEqualTo("ポート 70000 は 0～65535 の範囲外です");
        flow("vm-1", "vm-2", "http");
        assertThat(editor.flow()).isEmpty();
        assertThat(editor.errorProperty().get()).isEqualTo("'http' はポート番号ではありません");
        main.texts().localeProperty().set(Locale.ENGLISH);
        assertThat(editor.errorProperty().get()).isEqualTo("'http' is not a port");
    }

    @Test
    void aFlowThatTracesClearsTheError() {
        flow("vm-1", "x", "80");
        editor.trace();
        flow("vm-1", "vm-2", "80");
        assertThat(editor.trace()).isPresent();
        assertThat(editor.errorProperty().get()).isEmpty();
        speakJapanese();
        assertThat(editor.errorProperty().get()).isEmpty();
    }

    @Test
    void watchingAFlowTheLabCannotResolveSaysWhyInTheUiLanguage() {
        speakJapanese();
        flow("vm-99", "vm-2", "22");
        assertThat(editor.watch(main.flows(), "ssh")).isFalse();
        assertThat(editor.errorProperty().get()).isEqualTo("'vm-99' という名前のインスタンスもネットワークインターフェイスもありません");
        flow("vm-1", "vm-2", "22");
        assertThat(editor.watch(main.flows(), " ")).isFalse();
        assertThat(editor.errorProperty().get()).isEqualTo("フローに名前を付けてください");
        main.texts().localeProperty().set(Locale.ENGLISH);
        assertThat(editor.errorProperty().get()).isEqualTo("Give the flow a name");

        assertThat(editor.watch(main.flows(), "ssh")).isTrue();
        assertThat(editor.errorProperty().get()).isEmpty();
        assertThat(main.flows().rows()).extracting(FlowRow::name).contains("ssh");
    }
}
