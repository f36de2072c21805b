package org.viflab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.viflab.coordinator.Request;
import org.viflab.model.Permission;
import org.viflab.model.RouteTarget;
import org.viflab.model.RulePeer;
import org.viflab.model.Sentence;
import org.viflab.model.SentenceBundles;
import org.viflab.net.Ipv4Address;
import org.viflab.net.Ipv4Prefix;
import org.viflab.net.MacAddress;
import org.viflab.net.PortSet;
import org.viflab.net.Protocol;

/**
 * A scenario file's errors say their reason in English, as they always have, and in Japanese for the
 * UI, with the file, line and column written the same in both.
 */
class ProblemTest {

    /** A valid file to break: lines 1–12. */
    private static final String HEAD = """
            scenario: Errors
            principals: [alice]
            topology:
              partitions:
                - {id: vpc-a, owner: alice, cidr: 10.0.0.0/16}
              subnets:
                - id: web
                  partition: vpc-a
                  cidr: 10.0.1.0/24
                  zone: zone-1
            watch:
              - {name: web, from: internet, to: 10.0.1.9, protocol: tcp, port: 80}
            """;

    private static ScenarioException error(String name, String text) {
        ScenarioException e = catchThrowableOfType(() -> ScenarioReader.parse(name, text), ScenarioException.class);
        assertThat(e).as("an error for:\n" + text).isNotNull();
        return e;
    }

    private static String japanese(String text) {
        return error("lab.yaml", text).message(Locale.JAPANESE);
    }

    @Test
    void everyProblemIsSaidInEnglishAndJapaneseWithTheSameArguments() {
        SentenceBundles.assertSpokenInBothLanguages(Problem.values());
    }

    @Test
    void theEnglishMessageIsTheReasonAfterThePosition() {
        ScenarioException e = error("lab.yaml", HEAD.replace("10.0.1.0/24", "10.0.1.0/33"));
        assertThat(e.getMessage())
                .isEqualTo("lab.yaml:9:7: topology.subnets[0].cidr: '10.0.1.0/33' is not an IPv4 CIDR prefix");
        assertThat(e.reason()).isEqualTo(e.sentence().english())
                .isEqualTo("topology.subnets[0].cidr: '10.0.1.0/33' is not an IPv4 CIDR prefix");
        assertThat(e.message(Locale.ENGLISH)).isEqualTo(e.getMessage());
        assertThat(e.message(Locale.ROOT)).isEqualTo(e.getMessage());
    }

    @Test
    void aBadCidrIsSaidInJapaneseAtTheSamePlace() {
        assertThat(japanese(HEAD.replace("10.0.1.0/24", "10.0.1.0/33")))
                .isEqualTo("lab.yaml:9:7: topology.subnets[0].cidr: '10.0.1.0/33' は IPv4 の CIDR ではありません");
    }

    @Test
    void anUnknownKeyIsSaidInJapaneseWithTheSuggestionAndTheKeysExpected() {
        assertThat(japanese(HEAD.replace("      zone: zone-1", "      zonee: zone-1")))
                .isEqualTo("lab.yaml:10:7: topology.subnets[0].zonee: 不明なキー 'zonee' です（'zone' のことですか？）。"
                        + "使用できるキー: id, partition, cidr, zone, routes");
    }

    @Test
    void aMissingKeyAtTheTopLevelIsSaidInJapanese() {
        assertThat(japanese(HEAD.replace("scenario: Errors\n", "")))
                .isEqualTo("lab.yaml:1:1: （最上位）: 必須のキー 'scenario' がありません");
    }

    @Test
    void aValueOfTheWrongKindIsSaidInJapanese() {
        ScenarioException e = error("lab.yaml", HEAD.replace("[alice]", "alice"));
        assertThat(e.getMessage()).isEqualTo("lab.yaml:2:1: principals: expected a list, found text");
        assertThat(e.message(Locale.JAPANESE)).isEqualTo("lab.yaml:2:1: principals: リストが必要ですが、テキストが書かれています");
    }

    @Test
    void anUnknownWatchedFlowIsSaidInJapanese() {
        String text = HEAD + "steps:\n  - attach: {interface: a, instance: b}\n    expect: {lands: {wbe: vm-1}}\n";
        assertThat(error("lab.yaml", text).getMessage())
                .isEqualTo("lab.yaml:15:22: steps[0].expect.lands.wbe: no watched flow is named 'wbe' (did you mean 'web'?)");
        assertThat(japanese(text))
                .isEqualTo("lab.yaml:15:22: steps[0].expect.lands.wbe: 'wbe' という名前の監視フローはありません（'web' のことですか？）");
    }

    @Test
    void twoRequestKeysAreSaidInJapanese() {
        assertThat(japanese(HEAD + "steps:\n  - attach: {interface: a, instance: b}\n    detach: {interface: a}\n"))
                .isEqualTo("lab.yaml:15:5: steps[0].detach: ステップに書けるリクエストのキーは 1 つだけですが、"
                        + "このステップには attach と detach があります");
    }

    @Test
    void theParsersWordsStayAsTheyAreWithVifLabsWordsAroundThemTranslated() {
        ScenarioException e = error("lab.json", "{\"scenario\": }");
        assertThat(e.getMessage()).isEqualTo("lab.json:1:14: JSON syntax: Unexpected character ('}' (code 125)): "
                + "expected a value");
        assertThat(e.message(Locale.JAPANESE)).isEqualTo("lab.json:1:14: JSON の構文エラー: Unexpected character "
                + "('}' (code 125)): expected a value");
        assertThat(error("lab.yaml", "scenario: [a\n").message(Locale.JAPANESE))
                .isEqualTo("lab.yaml:2:1: YAML の構文エラー: expected ',' or ']', but got <stream end>"
                        + "（while parsing a flow sequence）");
    }

    @Test
    void aFileTooLargeIsSaidInJapaneseWithItsLimitAsWritten() {
        ScenarioException e = error("big.yaml", "scenario: x\n" + "#".repeat(4 * 1024 * 1024));
        assertThat(e.getMessage()).isEqualTo("big.yaml:1:1: the file is larger than 4194304 bytes");
        assertThat(e.message(Locale.JAPANESE)).isEqualTo("big.yaml:1:1: ファイルが 4194304 バイトを超えています");
    }

    /** The words of the net, model and coordinator parsers, each read back into the sentence with its English. */
    @Test
    void everyParsersWordsAreReadBackIntoASentence() {
        List<Runnable> parses = List.of(
                () -> Ipv4Prefix.parse("10.0.1.0/33"), () -> Ipv4Prefix.parse(""),
                () -> Ipv4Address.parse("10.0.1"), () -> Ipv4Address.parse(" "),
                () -> MacAddress.parse("zz"), () -> PortSet.parse("80,http"), () -> PortSet.parse("90-80"),
                () -> PortSet.parse("70000"), () -> PortSet.parse("80, "),
                () -> Protocol.parse("tcpp"), () -> Protocol.parse(null),
                () -> Permission.parse("own"), () -> RouteTarget.parse(""), () -> RulePeer.parse(""),
                () -> Request.Direction.parse("up"), () -> Request.Kind.parse("vpcs"),
                () -> ScenarioConverter.upDown("sideways"), () -> ScenarioConverter.launchState("running fast"),
                () -> Expectations.ExitTarget.parse("moon"), () -> Propagation.parse("fast"));
        for (Runnable parse : parses) {
            IllegalArgumentException e = catchThrowableOfType(parse::run, IllegalArgumentException.class);
            assertThat(e).as("parse %d fails", parses.indexOf(parse)).isNotNull();
            Sentence said = ValueErrors.sentence(e);
            assertThat(said).as(e.getMessage()).isInstanceOf(Sentence.Keyed.class);
            assertThat(said.english()).isEqualTo(e.getMessage());
            assertThat(said.in(Locale.JAPANESE)).as(e.getMessage()).isNotEqualTo(e.getMessage());
        }
    }

    @Test
    void wordsThatAreNoParsersStayVerbatim() {
        assertThat(ValueErrors.readBack("something else went wrong")).isEqualTo(Sentence.verbatim("something else went wrong"));
        // Read back only when the words are the same to the letter.
        assertThat(ValueErrors.readBack("'x' is not an IPv4 address!")).isInstanceOf(Sentence.Verbatim.class);
    }
}
