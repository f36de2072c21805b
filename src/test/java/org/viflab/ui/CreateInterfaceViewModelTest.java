package org.viflab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.model.PartitionId;
import org.viflab.model.SecurityGroupId;
import org.viflab.model.SubnetId;
import org.viflab.ui.forms.CreateInterfaceViewModel;
import org.viflab.ui.forms.Violation;

/** The create-interface form's model: narrowing, validation as you type, and submitting as one action. */
class CreateInterfaceViewModelTest {

    private MainViewModel main;
    private CreateInterfaceViewModel form;

    @BeforeEach
    void open() {
        main = TestLabs.demoViewModel(new RecordingNotifier());
        form = main.createInterface();
        form.reset();
    }

    @Test
    void proposesAFreeIdAndNarrowsSubnetsGroupsAndInstancesByItsChoices() {
        assertThat(form.idProperty().get()).isEqualTo("vif-1");
        assertThat(form.partitionOptions()).extracting(Object::toString).containsExactly("vpc-a", "vpc-b");
        form.partitionProperty().set(PartitionId.partitionId("vpc-b"));
        assertThat(form.subnetOptions()).extracting(Object::toString).containsExactly("office");
        assertThat(form.groupOptions()).extracting(Object::toString).contains("sg-office").doesNotContain("sg-web");
        assertThat(form.instanceOptions()).extracting(Object::toString).containsExactly("vm-5");
        assertThat(form.canSubmit().get()).isTrue();

        main.session().principalProperty().set(DemoLab.ALICE);
        assertThat(form.partitionOptions()).extracting(Object::toString).containsExactly("vpc-a");
    }

    @Test
    void aFieldThatDoesNotParseDisablesSubmit() {
        form.privateIpsProperty().set("10.0.2.999");
        assertThat(form.canSubmit().get()).isFalse();
        assertThat(form.violations()).containsExactly(new Violation("privateIps", "'10.0.2.999' is not an IPv4 address"));
        form.idProperty().set("has space");
        assertThat(form.violationOf("id")).contains("'has space' is not a valid id");
        form.idProperty().set("vif-ok");
        form.privateIpsProperty().set("");
        assertThat(form.violations()).isEmpty();
        assertThat(form.canSubmit().get()).isTrue();
    }

    @Test
    void theCoordinatorsDryRunFindsWhatParsingCannot() {
        form.subnetProperty().set(SubnetId.subnetId("web"));
        form.privateIpsProperty().set("10.0.1.10");
        assertThat(form.violationOf("privateIps")).hasValueSatisfying(m -> assertThat(m).startsWith("InvalidIPAddress.InUse"));
        form.privateIpsProperty().set("10.0.9.9");
        assertThat(form.violationOf("privateIps")).hasValueSatisfying(m -> assertThat(m).startsWith("InvalidParameterValue"));
        form.privateIpsProperty().set("");
        form.groups().setAll(SecurityGroupId.securityGroupId("sg-office"));
        assertThat(form.groupOptions()).doesNotContain(SecurityGroupId.securityGroupId("sg-office"));
        assertThat(form.canSubmit().get()).isFalse();
        assertThat(form.violationOf("securityGroups")).isPresent();
        form.groups().clear();
        assertThat(form.canSubmit().get()).isTrue();
        // nothing was created by the dry runs
        assertThat(main.session().topology().interfaces()).hasSize(8);
    }

    @Test
    void submittingCreatesAndAttachesAsOneUndoStep() {
        form.idProperty().set("vif-extra");
        form.subnetProperty().set(SubnetId.subnetId("web"));
        form.groups().setAll(SecurityGroupId.securityGroupId("sg-web"));
        form.instanceProperty().set(InstanceId.instanceId("vm-2"));
        assertThat(form.submit()).hasValueSatisfying(r -> assertThat(r.accepted()).isTrue());

        var record = main.session().topology().interfaces().get(InterfaceId.interfaceId("vif-extra"));
        assertThat(record.owner()).isEqualTo(DemoLab.ALICE);
        assertThat(main.session().topology().attachmentsOf(record.id())).singleElement()
                .satisfies(a -> assertThat(a.instance().value()).isEqualTo("vm-2"));
        assertThat(form.createdProperty().get()).isEqualTo(record.id());
        assertThat(form.idProperty().get()).isEqualTo("vif-1");

        main.undo();
        assertThat(main.session().topology().interfaces()).doesNotContainKey(record.id());
        assertThat(main.session().canUndoProperty().get()).isFalse();
    }

    @Test
    void aRejectedAttachLeavesNoRecordBehind() {
        form.idProperty().set("vif-too-many");
        form.subnetProperty().set(SubnetId.subnetId("app"));
        form.instanceProperty().set(InstanceId.instanceId("vm-3"));
        assertThat(form.submit()).hasValueSatisfying(r -> assertThat(r.accepted()).isFalse());
        assertThat(main.session().topology().interfaces()).doesNotContainKey(InterfaceId.interfaceId("vif-too-many"));
        assertThat(form.violations()).singleElement().satisfies(v -> assertThat(v.message()).startsWith("AttachmentLimitExceeded"));
    }
}
