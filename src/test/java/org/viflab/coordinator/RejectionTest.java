package org.viflab.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.viflab.model.Sentence;
import org.viflab.model.SentenceBundles;

class RejectionTest {

    @Test
    void everyRejectionIsSaidInEnglishAndJapaneseWithTheSameArguments() {
        SentenceBundles.assertSpokenInBothLanguages(Rejection.values());
    }

    @Test
    void englishSentencesReadAsTheyAlwaysHave() {
        assertThat(Sentence.of(Rejection.INTERFACE_DOES_NOT_EXIST, "vif-9").english())
                .isEqualTo("The interface 'vif-9' does not exist.");
        assertThat(Sentence.of(Rejection.TYPE_ALLOWS_INTERFACES, "t3.micro", 2, "vm-1", 2).english())
                .isEqualTo("t3.micro allows 2 interfaces; vm-1 has 2.");
        assertThat(Sentence.of(Rejection.ROUTE_PARTITION_LOCAL_ROUTE_CANNOT_CHANGED, "10.0.0.0/16").english())
                .isEqualTo("The route to 10.0.0.0/16 is the partition's local route; it cannot be changed.");
        assertThat(Sentence.of(Rejection.NOT_ALLOWED_TO_CHANGE, "alice",
                Sentence.of(Rejection.WHAT_INTERFACE, "vif-web"), "bob").english())
                .isEqualTo("alice is not allowed to change interface vif-web (owned by bob).");
        assertThat(Sentence.of(Rejection.INTERFACE_MANAGED_PROVIDER_SERVICE_CANNOT, "vif-lb",
                Sentence.of(Rejection.AS_DETACHED), "alice").english())
                .isEqualTo("The interface vif-lb is managed by the provider for a service; it cannot be detached by alice.");
        assertThat(Sentence.of(Rejection.PARTITION_STILL_HAS, "vpc-a", Sentence.join(Rejection.LIST_SEPARATOR,
                List.of(Sentence.of(Rejection.USER_SUBNET, "web"), Sentence.of(Rejection.USER_SECURITY_GROUP, "sg-1"))))
                .english()).isEqualTo("The partition vpc-a still has subnet web, security group sg-1.");
        assertThat(Sentence.of(Rejection.VLAN_TAG_NOT_BETWEEN, 5000).english())
                .isEqualTo("VLAN tag 5000 is not between 1 and 4094.");
    }

    @Test
    void japaneseSentencesNameTheSameObjects() {
        assertThat(Sentence.of(Rejection.NOT_ALLOWED_TO_CHANGE, "alice",
                Sentence.of(Rejection.WHAT_INTERFACE, "vif-web"), "bob").in(Locale.JAPANESE))
                .isEqualTo("alice にはネットワークインターフェイス vif-web を変更する権限がありません（所有者: bob）。");
        assertThat(Sentence.of(Rejection.PARTITION_STILL_HAS, "vpc-a", Sentence.join(Rejection.LIST_SEPARATOR,
                List.of(Sentence.of(Rejection.USER_SUBNET, "web"), Sentence.of(Rejection.USER_SECURITY_GROUP, "sg-1"))))
                .in(Locale.JAPANESE)).isEqualTo("パーティション vpc-a にはまだサブネット web、セキュリティグループ sg-1 があります。");
        assertThat(Sentence.of(Rejection.VLAN_TAG_NOT_BETWEEN, 5000).in(Locale.JAPANESE))
                .isEqualTo("VLAN タグ 5000 が 1～4094 の範囲にありません。");
    }
}
