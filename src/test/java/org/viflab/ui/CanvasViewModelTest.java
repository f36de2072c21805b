package org.viflab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.viflab.coordinator.ErrorCode;
import org.viflab.coordinator.Request;
import org.viflab.coordinator.Request.InterfaceSpec;
import org.viflab.lab.LabGenerator;
import org.viflab.model.InterfaceId;
import org.viflab.model.SubnetId;
import org.viflab.ui.canvas.CanvasKey;
import org.viflab.ui.canvas.CanvasKey.Kind;
import org.viflab.ui.canvas.CanvasViewModel;
import org.viflab.ui.canvas.DropAnswer;
import org.viflab.ui.canvas.DropPlan;
import org.viflab.ui.canvas.Item;
import org.viflab.ui.canvas.Layout;
import org.viflab.ui.canvas.Lod;
import org.viflab.ui.canvas.Rect;

/** The canvas's model without a window: the layout, what a drop would do, and the dry-run answers. */
class CanvasViewModelTest {

    private final MainViewModel main = TestLabs.demoViewModel(new RecordingNotifier());
    private final CanvasViewModel canvas = main.canvas();

    private static CanvasKey key(Kind kind, String id) {
        return CanvasKey.of(kind, id);
    }

    @Test
    void laysOutEveryObjectInsideItsContainerWithoutOverlaps() {
        Layout layout = canvas.layout();
        assertThat(layout.item(key(Kind.SUBNET, "web")).orElseThrow().container()).isEqualTo(key(Kind.PARTITION, "vpc-a"));
        assertThat(layout.item(key(Kind.INTERFACE, "vif-web")).orElseThrow().container()).isEqualTo(key(Kind.SUBNET, "web"));
        assertThat(layout.item(key(Kind.INSTANCE, "vm-4")).orElseThrow().container()).isEqualTo(key(Kind.TRAY, "unplaced"));
        assertThat(layout.item(key(Kind.INTERFACE, "vif-app")).orElseThrow().container()).isEqualTo(key(Kind.INSTANCE, "vm-3"));
        for (Item item : layout.items().values()) {
            item.containerKey().ifPresent(c -> {
                if (item.key().kind() != Kind.GATEWAY) {
                    assertThat(layout.item(c).orElseThrow().bounds().contains(item.bounds()))
                            .as("%s inside %s", item.key(), c).isTrue();
                }
            });
        }
        List<Item> instances = layout.items().values().stream().filter(i -> i.key().kind() == Kind.INSTANCE).toList();
        for (Item a : instances) {
            for (Item b : instances) {
                if (a != b) {
                    assertThat(a.bounds().intersects(b.bounds())).as("%s and %s overlap", a.key(), b.key()).isFalse();
                }
            }
        }
    }

    @Test
    void addingObjectsMovesNothingAlreadyDrawnInItsContainer() {
        Map<CanvasKey, Rect> before = new java.util.HashMap<>();
        canvas.layout().items().values().forEach(i -> before.put(i.key(), i.bounds()));
        // "vif-a0" sorts before every existing chip id: it still goes after them
        main.session().submit(new Request.CreateInterface(InterfaceSpec.inSubnet(SubnetId.subnetId("app"))
                .withId(InterfaceId.interfaceId("vif-a0"))));
        Layout after = canvas.layout();
        assertThat(after.item(key(Kind.INTERFACE, "vif-spare")).orElseThrow().bounds())
                .isEqualTo(before.get(key(Kind.INTERFACE, "vif-spare")));
        assertThat(after.item(key(Kind.INSTANCE, "vm-1")).orElseThrow().bounds()).isEqualTo(before.get(key(Kind.INSTANCE, "vm-1")));
        assertThat(after.item(key(Kind.INTERFACE, "vif-a0")).orElseThrow().bounds().x())
                .isGreaterThan(after.item(key(Kind.INTERFACE, "vif-spare")).orElseThrow().bounds().x());
    }

    @Test
    void dropPlansFollowWhatIsDraggedWhere() {
        CanvasKey chip = key(Kind.INTERFACE, "vif-web");
        assertThat(canvas.plan(chip, key(Kind.INSTANCE, "vm-1"))).map(DropPlan::description).contains("attach vif-web to vm-1");
        assertThat(canvas.plan(chip, key(Kind.SUBNET, "web"))).isEmpty();
        assertThat(canvas.plan(key(Kind.INSTANCE, "vm-2"), key(Kind.PLATFORM, "host-a")))
                .map(DropPlan::description).contains("move vm-2 to host-a");
        assertThat(canvas.plan(key(Kind.INSTANCE, "vm-4"), key(Kind.PLATFORM, "host-b")))
                .map(DropPlan::description).contains("place vm-4 on host-b");
        assertThat(canvas.plan(key(Kind.INSTANCE, "vm-1"), key(Kind.PLATFORM, "host-a"))).isEmpty();
        canvas.drop(chip, key(Kind.INSTANCE, "vm-1"));
        assertThat(canvas.plan(chip, key(Kind.SUBNET, "web"))).map(DropPlan::description).contains("detach vif-web from vm-1");
        assertThat(canvas.plan(chip, key(Kind.SUBNET, "app"))).isEmpty();
        assertThat(canvas.plan(chip, key(Kind.INSTANCE, "vm-2"))).hasValueSatisfying(p -> {
            assertThat(p.requests()).hasSize(2);
            assertThat(p.description()).isEqualTo("move vif-web from vm-1 to vm-2");
        });
    }

    @Test
    void dryRunAnswersGreenOrRedWithTheCodeAndChangeNothing() {
        var before = main.session().topology();
        CanvasKey chip = key(Kind.INTERFACE, "vif-web");
        assertThat(canvas.evaluate(chip, key(Kind.INSTANCE, "vm-1"))).map(DropAnswer::accepted).contains(true);
        Optional<DropAnswer> full = canvas.evaluate(chip, key(Kind.INSTANCE, "vm-3"));
        assertThat(full).hasValueSatisfying(a -> {
            assertThat(a.accepted()).isFalse();
            assertThat(a.code()).contains(ErrorCode.ATTACHMENT_LIMIT_EXCEEDED);
            assertThat(a.feedback()).startsWith("AttachmentLimitExceeded: t3.micro");
        });
        assertThat(canvas.evaluate(chip, key(Kind.INSTANCE, "vm-5")).orElseThrow().code())
                .contains(ErrorCode.INVALID_PARAMETER_COMBINATION);
        main.session().principalProperty().set(DemoLab.BOB);
        canvas.endDrag();
        assertThat(canvas.evaluate(chip, key(Kind.INSTANCE, "vm-1")).orElseThrow().code())
                .contains(ErrorCode.UNAUTHORIZED_OPERATION);
        assertThat(main.session().topology()).isEqualTo(before);
        assertThat(main.log().entries()).isEmpty();
    }

    @Test
    void aMovedChipsDryRunLooksPastItsOwnAttachment() {
        canvas.drop(key(Kind.INTERFACE, "vif-web"), key(Kind.INSTANCE, "vm-1"));
        assertThat(canvas.evaluate(key(Kind.INTERFACE, "vif-web"), key(Kind.INSTANCE, "vm-2")))
                .map(DropAnswer::accepted).contains(true);
        assertThat(canvas.evaluate(key(Kind.INTERFACE, "vif-web"), key(Kind.INSTANCE, "vm-3")).orElseThrow().code())
                .contains(ErrorCode.ATTACHMENT_LIMIT_EXCEEDED);
    }

    @Test
    void aLargeLabIsLaidOutWithoutOverlapsAndDrawsChipLinksOnlyForTheSelection() {
        LabGenerator.Generated big = LabGenerator.generate(300, 1200);
        Layout layout = org.viflab.ui.canvas.TopologyLayout.compute(big.topology(), new org.viflab.coordinator.FieldView(
                big.topology(), new org.viflab.coordinator.PropagationView() {
                    @Override
                    public boolean attaching(org.viflab.model.AttachmentId attachment) {
                        return false;
                    }

                    @Override
                    public boolean detaching(InterfaceId iface) {
                        return false;
                    }
                }), null);
        assertThat(layout.items().values().stream().filter(i -> i.key().kind() == Kind.INTERFACE)).hasSize(1200);
        assertThat(layout.drawsAllLinks()).isFalse();
        Rect corner = new Rect(0, 0, 1200, 800);
        assertThat(layout.within(corner)).isNotEmpty().allMatch(k -> layout.item(k).orElseThrow().bounds().intersects(corner));
        assertThat(Lod.at(0.1).shows(Kind.INSTANCE)).isFalse();
        assertThat(Lod.at(0.3).shows(Kind.INTERFACE)).isFalse();
        assertThat(Lod.at(1).shows(Kind.INTERFACE)).isTrue();
    }
}
