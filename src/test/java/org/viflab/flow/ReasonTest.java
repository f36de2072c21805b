package org.viflab.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.viflab.model.Sentence;
import org.viflab.model.SentenceBundles;

class ReasonTest {

    @Test
    void everyReasonIsSaidInEnglishAndJapaneseWithTheSameArguments() {
        SentenceBundles.assertSpokenInBothLanguages(Reason.values());
    }

    @Test
    void englishReasonsReadAsTheyAlwaysHave() {
        assertThat(Sentence.of(Reason.ROUTE_BLACKHOLE_DROPS_TRAFFIC, "web", "172.16.0.0/12", "172.16.4.4").english())
                .isEqualTo("web's route 172.16.0.0/12 → blackhole drops traffic for 172.16.4.4");
        Sentence packet = Sentence.of(Reason.PROTOCOL_PORT, "tcp", 8080);
        assertThat(Sentence.of(Reason.NO_INGRESS_RULE_ADMITS, "vm-db-eth0", packet, "10.0.1.11", "sg-db",
                Sentence.join(Reason.RULES_SEPARATOR, List.of(Sentence.of(Reason.GROUP_ALLOWS_ONLY, "sg-db",
                        "tcp 5432 from sg-web"), Sentence.of(Reason.GROUP_NOT_DEFINED, "sg-x")))).english())
                .isEqualTo("vm-db-eth0 does not accept tcp port 8080 from 10.0.1.11: no ingress rule of sg-db admits it "
                        + "(sg-db allows only tcp 5432 from sg-web; sg-x is not defined)");
    }

    @Test
    void japaneseReasonsNameTheSameObjects() {
        Sentence packet = Sentence.of(Reason.PROTOCOL_PORT, "tcp", 8080);
        assertThat(Sentence.of(Reason.NOT_ACCEPTED_NO_INGRESS_RULES, "vm-db-eth0", packet, "10.0.1.11", "sg-db")
                .in(Locale.JAPANESE))
                .isEqualTo("vm-db-eth0 は 10.0.1.11 からの tcp ポート 8080 を受け付けません: sg-db にはインバウンドルールがありません");
    }
}
