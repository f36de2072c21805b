package org.viflab.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void addressesParseAndPrint() {
        assertThat(Ipv4Address.parse("10.0.1.9").toString()).isEqualTo("10.0.1.9");
        assertThat(Ipv4Address.parse("255.255.255.255").unsigned()).isEqualTo(0xFFFF_FFFFL);
        assertThat(Ipv4Address.tryParse("10.0.1")).isEmpty();
        assertThat(Ipv4Address.tryParse("10.0.1.256")).isEmpty();
        assertThat(Ipv4Address.tryParse("010.0.1.1")).isEmpty();
        assertThat(Ipv4Address.tryParse("10.0.1.0/24")).isEmpty();
        assertThat(Ipv4Address.tryParse("::1")).isEmpty();
        assertThatThrownBy(() -> Ipv4Address.parse("banana")).hasMessageContaining("'banana'");
    }

    @Test
    void prefixesNormaliseAndContain() {
        Ipv4Prefix prefix = Ipv4Prefix.parse("10.0.1.7/24");
        assertThat(prefix.toString()).isEqualTo("10.0.1.0/24");
        assertThat(prefix.contains(Ipv4Address.parse("10.0.1.255"))).isTrue();
        assertThat(prefix.contains(Ipv4Address.parse("10.0.2.0"))).isFalse();
        assertThat(prefix.size()).isEqualTo(256);
        assertThat(Ipv4Prefix.parse("0.0.0.0/0").contains(Ipv4Address.parse("8.8.8.8"))).isTrue();
        assertThat(Ipv4Prefix.parse("10.0.0.0/16").contains(Ipv4Prefix.parse("10.0.3.0/24"))).isTrue();
        assertThat(Ipv4Prefix.parse("10.0.1.0/24").overlaps(Ipv4Prefix.parse("10.0.1.128/25"))).isTrue();
        assertThat(Ipv4Prefix.tryParse("10.0.0.0/33")).isEmpty();
        assertThat(Ipv4Prefix.tryParse("10.0.0.0/")).isEmpty();
        assertThat(Ipv4Prefix.parse("10.0.0.9").length()).isEqualTo(32);
    }

    @Property
    void everyAddressOfAPrefixIsInsideIt(@ForAll int bits, @ForAll @IntRange(min = 0, max = 32) int length,
                                         @ForAll int other) {
        Ipv4Prefix prefix = new Ipv4Prefix(new Ipv4Address(bits), length);
        assertThat(prefix.contains(new Ipv4Address(bits))).isTrue();
        assertThat(prefix.contains(prefix.last())).isTrue();
        assertThat(Ipv4Prefix.parse(prefix.toString())).isEqualTo(prefix);
        Ipv4Address candidate = new Ipv4Address(other);
        assertThat(prefix.contains(candidate)).isEqualTo(
                candidate.compareTo(prefix.network()) >= 0 && candidate.compareTo(prefix.last()) <= 0);
    }

    @Test
    void macsPortsAndProtocols() {
        assertThat(MacAddress.parse("02:00:00:00:0B:01").toString()).isEqualTo("02:00:00:00:0b:01");
        assertThat(MacAddress.tryParse("02:00:00:00:0b")).isEmpty();
        assertThat(PortSet.parse("443,80,8000-8080").toString()).isEqualTo("80,443,8000-8080");
        assertThat(PortSet.parse("80,443").contains(443)).isTrue();
        assertThat(PortSet.parse("80,443").contains(22)).isFalse();
        assertThat(PortSet.parse(null)).isEqualTo(PortSet.ALL);
        assertThat(PortRange.tryParse("90-80")).isEmpty();
        assertThat(PortRange.tryParse("70000")).isEmpty();
        assertThat(Protocol.parse("-1")).isEqualTo(Protocol.ALL);
        assertThat(Protocol.ALL.matches(Protocol.UDP)).isTrue();
        assertThat(Protocol.TCP.matches(Protocol.UDP)).isFalse();
        assertThatThrownBy(() -> Protocol.parse("sctp")).hasMessageContaining("sctp");
    }
}
