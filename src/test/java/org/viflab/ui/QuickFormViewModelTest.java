package org.viflab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.viflab.model.InstanceId;
import org.viflab.model.PlatformId;
import org.viflab.model.SecurityGroupId;
import org.viflab.model.SubnetId;
import org.viflab.ui.forms.QuickFormViewModel;
import org.viflab.ui.forms.QuickFormViewModel.Kind;

/** The palette's short forms: prefilled from the drop spot, checked as the user types, one request each. */
class QuickFormViewModelTest {

    private final MainViewModel main = TestLabs.demoViewModel(new RecordingNotifier());
    private final QuickFormViewModel form = main.quickForm();

    @Test
    void anInstanceDroppedOnAHostIsLaunchedThereWithItsFirstInterface() {
        form.start(Kind.INSTANCE, QuickFormViewModel.hintsFrom("platform", "host-b", main.session().topology()));
        assertThat(form.value("id")).isEqualTo("vm-6");
        assertThat(form.value("zone")).isEqualTo("zone-1");
        assertThat(form.value("platform")).isEqualTo("host-b");
        assertThat(form.canSubmit().get()).isTrue();
        form.set("subnet", "app");
        assertThat(form.submit()).hasValueSatisfying(r -> assertThat(r.accepted()).isTrue());
        var vm6 = main.session().topology().instances().get(InstanceId.instanceId("vm-6"));
        assertThat(vm6.platform()).contains(PlatformId.platformId("host-b"));
        assertThat(vm6.owner()).isEqualTo(DemoLab.ALICE);
        assertThat(main.session().topology().attachmentsOn(vm6.id())).singleElement()
                .satisfies(a -> assertThat(a.iface().value()).isEqualTo("vm-6-eth0"));
        assertThat(main.canvas().selectedProperty().get().nodeId()).isEqualTo("instance-vm-6");
    }

    @Test
    void aSubnetThatDoesNotParseOrOverlapsCannotBeSubmitted() {
        form.start(Kind.SUBNET, QuickFormViewModel.hintsFrom("partition", "vpc-a", main.session().topology()));
        assertThat(form.value("partition")).isEqualTo("vpc-a");
        assertThat(form.violationOf("cidr")).contains("Required");
        form.set("cidr", "10.0.3.0/33");
        assertThat(form.violationOf("cidr")).contains("'10.0.3.0/33' is not a CIDR prefix");
        form.set("cidr", "10.0.1.0/25");
        assertThat(form.canSubmit().get()).isFalse();
        assertThat(form.violations()).singleElement().satisfies(v -> assertThat(v.message()).startsWith("InvalidSubnet.Conflict"));
        form.set("cidr", "10.0.3.0/24");
        assertThat(form.canSubmit().get()).isTrue();
        form.submit();
        assertThat(main.session().topology().subnets()).containsKey(SubnetId.subnetId("subnet-1"));
    }

    @Test
    void aGroupsRulesAreReadFromOneLineAndAHostGetsItsNics() {
        form.start(Kind.SECURITY_GROUP, Map.of());
        form.set("ingress", "tcp 22 from 192.168.0.0/16; icmp from sg-web");
        assertThat(form.canSubmit().get()).isTrue();
        form.set("ingress", "tcp 22 192.168.0.0/16");
        assertThat(form.violationOf("ingress")).hasValueSatisfying(m -> assertThat(m).contains("is not a rule"));
        form.set("ingress", "tcp 22 from 192.168.0.0/16");
        form.submit();
        assertThat(main.session().topology().securityGroups().get(SecurityGroupId.securityGroupId("sg-1")).ingress()).hasSize(1);

        form.start(Kind.HOST, QuickFormViewModel.hintsFrom("zone", "zone-2", main.session().topology()));
        form.set("nics", "2");
        form.submit();
        var host = main.session().topology().platforms().get(PlatformId.platformId("host-1"));
        assertThat(host.zone()).isEqualTo("zone-2");
        assertThat(host.nics()).hasSize(2);
    }

    @Test
    void anIdThatIsNotOneWordIsToldInTheLanguageOfTheWindow() {
        form.start(Kind.SUBNET, QuickFormViewModel.hintsFrom("partition", "vpc-a", main.session().topology()));
        form.set("cidr", "10.0.3.0/24");
        form.set("id", "my subnet");
        assertThat(form.canSubmit().get()).isFalse();
        assertThat(form.violationOf(org.viflab.ui.forms.Violation.FORM))
                .contains("subnet id 'my subnet' contains whitespace, a comma or a bracket");

        main.texts().localeProperty().set(java.util.Locale.JAPANESE);
        form.set("id", "my subnet ");
        assertThat(form.violationOf(org.viflab.ui.forms.Violation.FORM)).hasValueSatisfying(m ->
                assertThat(m).contains("ID 'my subnet' に空白、カンマ、または角かっこが含まれています"));
    }
}
