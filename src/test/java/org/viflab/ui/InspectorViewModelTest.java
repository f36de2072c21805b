package org.viflab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.viflab.coordinator.Request;
import org.viflab.model.InterfaceId;
import org.viflab.model.SecurityGroupId;
import org.viflab.ui.inspector.FieldRow;
import org.viflab.ui.inspector.InspectorAction;
import org.viflab.ui.inspector.InspectorViewModel;

/** The inspector's model without a window: the fields it shows and the edits it sends. */
class InspectorViewModelTest {

    private MainViewModel main;
    private InspectorViewModel inspector;

    @BeforeEach
    void open() {
        main = TestLabs.demoViewModel(new RecordingNotifier());
        inspector = main.inspector();
        inspector.subjectProperty().set(Map.entry(Request.Kind.INTERFACES, "vif-web"));
    }

    private FieldRow row(String name) {
        return inspector.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void showsEveryFieldOfTheRecordAndWhichMayBeEdited() {
        assertThat(inspector.titleProperty().get()).isEqualTo("Interface vif-web");
        assertThat(inspector.rows()).extracting(FieldRow::name).contains("id", "description", "partition", "zone",
                "subnet", "privateIps", "publicIps", "securityGroups", "attachers", "ipSetters", "owner",
                "sourceDestCheck", "billingPrincipal", "status", "attachedInstances", "macAddresses", "counters");
        assertThat(row("privateIps").value()).isEqualTo("10.0.1.10");
        assertThat(row("publicIps").value()).isEqualTo("203.0.113.10");
        assertThat(row("status").value()).isEqualTo("available");
        assertThat(row("description").edit()).isEqualTo(FieldRow.Edit.TEXT);
        assertThat(row("securityGroups").edit()).isEqualTo(FieldRow.Edit.LIST);
        assertThat(row("sourceDestCheck").edit()).isEqualTo(FieldRow.Edit.BOOLEAN);
        assertThat(row("privateIps").editable()).isFalse();
        assertThat(inspector.actions()).extracting(InspectorAction::labelKey).containsExactly("action.delete");
    }

    @Test
    void editsGoToTheCoordinatorAndTheRowsFollow() {
        assertThat(inspector.edit("description", "the shop")).isTrue();
        assertThat(row("description").value()).isEqualTo("the shop");
        assertThat(inspector.edit("sourceDestCheck", "false")).isTrue();
        assertThat(main.session().topology().interfaces().get(InterfaceId.interfaceId("vif-web")).sourceDestCheck()).isFalse();
        assertThat(inspector.edit("securityGroups", "sg-web, sg-app")).isTrue();
        assertThat(main.session().topology().interfaces().get(InterfaceId.interfaceId("vif-web")).securityGroups())
                .containsExactly(SecurityGroupId.securityGroupId("sg-web"), SecurityGroupId.securityGroupId("sg-app"));
        assertThat(inspector.errorProperty().get()).isEmpty();
        assertThat(main.session().canUndoProperty().get()).isTrue();
    }

    @Test
    void aRejectedEditShowsTheCodeBesideItsFieldAndChangesNothing() {
        assertThat(inspector.edit("securityGroups", "sg-office")).isFalse();
        assertThat(inspector.errorFieldProperty().get()).isEqualTo("securityGroups");
        assertThat(inspector.errorProperty().get()).startsWith("InvalidParameter: ");
        assertThat(row("securityGroups").value()).isEqualTo("sg-web");

        assertThat(inspector.edit("securityGroups", "sg web")).isFalse();
        assertThat(inspector.errorProperty().get())
                .isEqualTo("security group id 'sg web' contains whitespace, a comma or a bracket");
        assertThat(inspector.edit("description", "ok again")).isTrue();
        assertThat(inspector.errorProperty().get()).isEmpty();
    }

    @Test
    void aGroupIdThatIsNoIdIsToldInTheUiLanguage() {
        main.texts().localeProperty().set(java.util.Locale.JAPANESE);
        assertThat(inspector.edit("securityGroups", "sg-web, sg app")).isFalse();
        assertThat(inspector.errorFieldProperty().get()).isEqualTo("securityGroups");
        assertThat(inspector.errorProperty().get())
                .isEqualTo("セキュリティグループ ID 'sg app' に空白、カンマ、または角かっこが含まれています");
        assertThat(row("securityGroups").value()).isEqualTo("sg-web");

        // the error on screen is said again in the language chosen next
        main.texts().localeProperty().set(java.util.Locale.ENGLISH);
        assertThat(inspector.errorProperty().get())
                .isEqualTo("security group id 'sg app' contains whitespace, a comma or a bracket");
    }

    @Test
    void actingAsAnotherPrincipalIsRefused() {
        main.session().principalProperty().set(DemoLab.BOB);
        assertThat(inspector.edit("description", "bob was here")).isFalse();
        assertThat(inspector.errorProperty().get()).startsWith("UnauthorizedOperation");
        assertThat(row("description").value()).isEqualTo("web address");
    }

    @Test
    void anInstanceOffersItsLifecycleActions() {
        inspector.subjectProperty().set(Map.entry(Request.Kind.INSTANCES, "vm-4"));
        assertThat(inspector.titleProperty().get()).isEqualTo("Instance vm-4");
        assertThat(inspector.actions()).extracting(InspectorAction::labelKey)
                .containsExactly("action.start", "action.place", "action.terminate");
        assertThat(inspector.run(inspector.actions().get(0))).isTrue();
        assertThat(inspector.rows().stream().filter(r -> r.name().equals("state")).findFirst().orElseThrow().value())
                .isEqualTo("running");
    }
}
