package org.viflab.ui.flows;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.viflab.net.Protocol;
import org.viflab.ui.Texts;

/**
 * The Trace tab: a flow editor (from, to, protocol, port), the trace's hops with the packet's hop
 * highlighted, and play / pause / step / speed for the packet animated on the canvas.
 */
public final class TraceView extends BorderPane {

    private final Timeline clock = new Timeline();
    private final TraceViewModel vm;

    public TraceView(TraceViewModel vm, WatchedFlowsViewModel watched, Texts texts, org.viflab.ui.Listening listening) {
        this.vm = vm;
        setId("trace-view");
        ComboBox<String> from = endpoint(vm, "trace-from", vm.fromProperty(), texts.get("trace.from"));
        ComboBox<String> to = endpoint(vm, "trace-to", vm.toProperty(), texts.get("trace.to"));
        ChoiceBox<Protocol> protocol = new ChoiceBox<>();
        protocol.getItems().addAll(Protocol.TCP, Protocol.UDP, Protocol.ICMP);
        protocol.valueProperty().bindBidirectional(vm.protocolProperty());
        protocol.setId("trace-protocol");
        TextField port = new TextField();
        port.setId("trace-port");
        port.setPrefColumnCount(5);
        port.textProperty().bindBidirectional(vm.portProperty());
        port.disableProperty().bind(vm.protocolProperty().isEqualTo(Protocol.ICMP));
        Button trace = new Button(texts.get("trace.run"));
        trace.setId("trace-run");
        trace.setDefaultButton(false);
        trace.setOnAction(e -> vm.trace());
        TextField name = new TextField();
        name.setId("trace-watch-name");
        name.setPromptText(texts.get("trace.watchName"));
        name.setPrefColumnCount(8);
        Button watch = new Button(texts.get("trace.watch"));
        watch.setId("trace-watch");
        Label error = new Label();
        error.setId("trace-error");
        error.getStyleClass().add("inline-error");
        error.textProperty().bind(vm.errorProperty());
        watch.setOnAction(e -> {
            if (vm.watch(watched, name.getText())) {
                name.clear();
            }
        });
        HBox editor = new HBox(6, new Label(texts.get("trace.from")), from, new Label(texts.get("trace.to")), to,
                protocol, new Label(texts.get("trace.port")), port, trace, name, watch);
        editor.setAlignment(Pos.CENTER_LEFT);
        editor.setPadding(new Insets(4));

        Button play = new Button();
        play.setId("trace-play");
        play.textProperty().bind(javafx.beans.binding.Bindings.when(vm.playingProperty())
                .then("⏸ " + texts.get("trace.pause")).otherwise("▶ " + texts.get("trace.play")));
        play.setOnAction(e -> {
            if (vm.playingProperty().get()) {
                vm.pause();
            } else {
                vm.play();
            }
        });
        Button step = new Button("⏭ " + texts.get("trace.step"));
        step.setId("trace-step");
        step.setOnAction(e -> vm.step());
        play.disableProperty().bind(vm.traceProperty().isNull());
        step.disableProperty().bind(vm.traceProperty().isNull());
        Slider speed = new Slider(0.5, 6, vm.speedProperty().get());
        speed.setId("trace-speed");
        speed.valueProperty().bindBidirectional(vm.speedProperty());
        Button clear = new Button(texts.get("trace.clear"));
        clear.setId("trace-clear");
        clear.setOnAction(e -> vm.clear());
        Label explanation = new Label();
        explanation.setId("trace-explanation");
        explanation.getStyleClass().add("explanation");
        explanation.setWrapText(true);
        explanation.textProperty().bind(vm.explanationProperty());
        HBox.setHgrow(explanation, Priority.ALWAYS);
        HBox controls = new HBox(6, play, step, new Label(texts.get("trace.speed")), speed, clear, explanation);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(0, 4, 4, 4));

        HopTable hops = new HopTable(vm.hops(), texts);
        hops.setId("trace-hops");
        hops.setRowFactory(t -> new TableRow<>() {
            {
                listening.on(vm.currentProperty(), (obs, old, now) -> mark());
            }

            @Override
            protected void updateItem(HopRow item, boolean empty) {
                super.updateItem(item, empty);
                mark();
            }

            private void mark() {
                boolean here = !isEmpty() && getItem() != null && getItem().seq() == vm.currentProperty().get() + 1;
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("current"), here);
            }
        });
        listening.on(vm.currentProperty(), (obs, old, now) -> {
            if (now.intValue() >= 0 && now.intValue() < hops.getItems().size()) {
                hops.scrollTo(Math.max(0, now.intValue() - 2));
            }
        });
        VBox top = new VBox(editor, error, controls);
        setTop(top);
        setCenter(hops);

        clock.setCycleCount(Timeline.INDEFINITE);
        rebuildClock();
        listening.on(vm.speedProperty(), (obs, old, now) -> rebuildClock());
        listening.onStop(clock::stop);
        listening.on(vm.playingProperty(), (obs, was, is) -> {
            if (is) {
                clock.play();
            } else {
                clock.stop();
            }
        });
    }

    private void rebuildClock() {
        boolean running = clock.getStatus() == javafx.animation.Animation.Status.RUNNING;
        clock.stop();
        clock.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1 / Math.max(0.1, vm.speedProperty().get())),
                e -> vm.step()));
        if (running) {
            clock.play();
        }
    }

    private static ComboBox<String> endpoint(TraceViewModel vm, String id, javafx.beans.property.StringProperty value,
                                             String prompt) {
        ComboBox<String> box = new ComboBox<>(vm.endpoints());
        box.setId(id);
        box.setEditable(true);
        box.setPromptText(prompt);
        box.setPrefWidth(150);
        box.getEditor().textProperty().bindBidirectional(value);
        return box;
    }
}
