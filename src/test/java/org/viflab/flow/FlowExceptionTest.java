package org.viflab.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.viflab.flow.FlowLab.flow;
import static org.viflab.flow.FlowLab.lab;

import java.util.Locale;
import java.util.OptionalInt;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.viflab.model.PartitionId;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Address;
import org.viflab.net.Protocol;

/**
 * A flow that cannot be traced as written says why in English (its message, which the command line
 * and scenario files read, unchanged) and in Japanese (its sentence, for the UI).
 */
class FlowExceptionTest {

    private static final Topology LAB = lab().build();

    private static FlowException thrown(ThrowingCallable call) {
        FlowException e = catchThrowableOfType(call, FlowException.class);
        assertThat(e).as("a FlowException").isNotNull();
        assertThat(e.sentence().english()).isEqualTo(e.getMessage());
        return e;
    }

    private static String japanese(ThrowingCallable call) {
        return thrown(call).sentence().in(Locale.JAPANESE);
    }

    @Test
    void theResolversErrorsReadInEnglishAsTheyAlwaysHave() {
        assertThat(thrown(() -> FlowResolver.resolve(LAB, flow("vm-9", "vm-1", "tcp", 22))))
                .hasMessage("no instance or interface record is named 'vm-9'");
        assertThat(thrown(() -> FlowResolver.resolve(LAB, flow("vm-1", "vif-9", "tcp", 22))))
                .hasMessage("no instance or interface record is named 'vif-9'");
        assertThat(thrown(() -> FlowResolver.resolve(LAB, flow("vpn:vpc-x", "vm-1", "tcp", 22))))
                .hasMessage("no partition is named 'vpc-x'");
        assertThat(thrown(() -> FlowResolver.resolve(LAB, flow("vpn:vpc-a", "vm-1", "tcp", 22))))
                .hasMessage("partition vpc-a has no VPN gateway, so there is no on-premises host behind it");
        assertThat(thrown(() -> FlowResolver.resolve(LAB, flow("10.0.1.11", "vm-1", "tcp", 22))))
                .hasMessage("a flow is sent from an instance, an interface, internet or vpn:<partition>, "
                        + "not from the address 10.0.1.11");
        Topology empty = lab().instance("vm-empty", "host-c").build();
        assertThat(thrown(() -> FlowResolver.resolve(empty, flow("vm-empty", "vm-1", "tcp", 22))))
                .hasMessage("instance vm-empty has no interface to send from");
        assertThat(thrown(() -> FlowResolver.resolve(empty, flow("vm-1", "vm-empty", "tcp", 22))))
                .hasMessage("instance vm-empty has no device-0 interface to send to");
    }

    @Test
    void theResolversErrorsInJapaneseNameTheSameObjects() {
        assertThat(japanese(() -> FlowResolver.resolve(LAB, flow("x", "vm-1", "tcp", 22))))
                .isEqualTo("'x' という名前のインスタンスもネットワークインターフェイスもありません");
        assertThat(japanese(() -> FlowResolver.resolve(LAB, flow("vpn:vpc-x", "vm-1", "tcp", 22))))
                .isEqualTo("'vpc-x' という名前のパーティションはありません");
        Topology empty = lab().instance("vm-empty", "host-c").build();
        assertThat(japanese(() -> FlowResolver.resolve(empty, flow("vm-empty", "vm-1", "tcp", 22))))
                .isEqualTo("インスタンス vm-empty には送信に使うネットワークインターフェイスがありません");
    }

    @Test
    void endpointsThatDoNotParseReadInEnglishAsTheyAlwaysHave() {
        assertThat(thrown(() -> Endpoint.parse(" "))).hasMessage("missing flow endpoint");
        assertThat(thrown(() -> Endpoint.object(""))).hasMessage("an object endpoint names only an id");
        assertThat(thrown(() -> new Endpoint(Endpoint.Kind.ADDRESS, "vm-1", null, null)))
                .hasMessage("an address endpoint names only an address");
        assertThat(thrown(() -> new Endpoint(Endpoint.Kind.INTERNET, "vm-1", null, null)))
                .hasMessage("an internet endpoint names at most an address");
        assertThat(thrown(() -> new Endpoint(Endpoint.Kind.VPN, null, null, null)))
                .hasMessage("a VPN endpoint names a partition and maybe an address");
        Endpoint vm = Endpoint.object("vm-1");
        assertThat(thrown(() -> new Flow(vm, vm, Protocol.ALL, 80, OptionalInt.empty())))
                .hasMessage("a flow has one protocol: tcp, udp or icmp");
        assertThat(thrown(() -> new Flow(vm, vm, Protocol.TCP, 70000, OptionalInt.empty())))
                .hasMessage("port 70000 is not within 0-65535");
        assertThat(thrown(() -> new Flow(vm, vm, Protocol.TCP, 80, OptionalInt.of(-1))))
                .hasMessage("source port -1 is not within 0-65535");
    }

    /** Endpoint.parse says again what the address and id parsers say, so their English must not drift apart. */
    @Test
    void badAddressesAndPartitionIdsReadAsTheirParsersSayThem() {
        for (String text : new String[] {"10.0.0.300", "internet:", "internet:10.0.0", "vpn:vpc-b:x", "vpn:vpc-b:"}) {
            String address = text.startsWith("internet:") ? text.substring("internet:".length())
                    : text.startsWith("vpn:") ? text.substring(text.lastIndexOf(':') + 1) : text;
            assertThat(thrown(() -> Endpoint.parse(text))).as(text)
                    .hasMessage(catchThrowableOfType(() -> Ipv4Address.parse(address), IllegalArgumentException.class)
                            .getMessage());
        }
        for (String id : new String[] {"", "a b", "a,b", "[a]", "p".repeat(129)}) {
            assertThat(thrown(() -> Endpoint.parse("vpn:" + id))).as(id)
                    .hasMessage(catchThrowableOfType(() -> PartitionId.partitionId(id), IllegalArgumentException.class)
                            .getMessage());
        }
        assertThat(japanese(() -> Endpoint.parse("10.0.0.300"))).isEqualTo("'10.0.0.300' は IPv4 アドレスではありません");
        assertThat(japanese(() -> Endpoint.parse("vpn:a b"))).isEqualTo(
                "パーティション ID 'a b' に空白、カンマ、または角かっこが含まれています");
    }

    @Test
    void aWatchedFlowWithoutANameSaysSo() {
        assertThat(thrown(() -> new WatchedFlows().watch(" ", flow("vm-1", "vm-2", "tcp", 22), null, LAB)))
                .hasMessage("a watched flow needs a name");
    }
}
