package org.viflab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class NamingTest {

    private static InvalidIdException thrown(ThrowingCallable call) {
        InvalidIdException e = catchThrowableOfType(call, InvalidIdException.class);
        assertThat(e).as("an InvalidIdException").isNotNull();
        return e;
    }

    @Test
    void everySentenceIsSaidInEnglishAndJapaneseWithTheSameArguments() {
        SentenceBundles.assertSpokenInBothLanguages(Naming.values());
    }

    @Test
    void textThatIsNoIdReadsInEnglishAsItAlwaysHas() {
        assertThat(thrown(() -> PartitionId.partitionId(" "))).hasMessage("missing partition id");
        assertThat(thrown(() -> NicId.nicId(null))).hasMessage("missing physical NIC id");
        assertThat(thrown(() -> SecurityGroupId.securityGroupId("sg web")))
                .hasMessage("security group id 'sg web' contains whitespace, a comma or a bracket");
        assertThat(thrown(() -> InterfaceId.interfaceId("vif[1]")))
                .hasMessage("interface id 'vif[1]' contains whitespace, a comma or a bracket");
        assertThat(thrown(() -> InstanceId.instanceId("i".repeat(129))))
                .hasMessage("instance id is longer than 128 characters");
        assertThat(thrown(() -> SubnetId.subnetId(""))).hasMessage("missing subnet id");
        assertThat(thrown(() -> PlatformId.platformId(""))).hasMessage("missing platform id");
        assertThat(thrown(() -> PrincipalId.principalId(""))).hasMessage("missing principal id");
        assertThat(thrown(() -> AttachmentId.attachmentId(""))).hasMessage("missing attachment id");
    }

    @Test
    void japaneseNamesTheKindOfIdInTheConsolesWords() {
        assertThat(thrown(() -> SecurityGroupId.securityGroupId("sg web")).sentence().in(Locale.JAPANESE))
                .isEqualTo("セキュリティグループ ID 'sg web' に空白、カンマ、または角かっこが含まれています");
        assertThat(thrown(() -> InterfaceId.interfaceId("")).sentence().in(Locale.JAPANESE))
                .isEqualTo("ネットワークインターフェイス ID が指定されていません");
        assertThat(thrown(() -> PlatformId.platformId("h".repeat(200))).sentence().in(Locale.JAPANESE))
                .isEqualTo("ホスト ID が 128 文字を超えています");
    }
}
