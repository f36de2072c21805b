package org.viflab.ui.flows;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.viflab.ui.Texts;

/**
 * The Watched flows tab: each flow, its disposition and where it lands, the rows the last operation
 * changed highlighted with before → after; the selected flow's hops beside it.
 */
public final class WatchedFlowsView extends BorderPane {

    private final TableView<FlowRow> table;

    public WatchedFlowsView(WatchedFlowsViewModel vm, Texts texts, Runnable openTrace, java.util.function.Consumer<String> animate,
            org.viflab.ui.Listening listening) {
        setId("watched-flows-view");
        table = new TableView<>(vm.rows());
        table.setId("watched-flows-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(texts.get("flows.name"), 80, FlowRow::name));
        table.getColumns().add(column(texts.get("flows.flow"), 210, FlowRow::flow));
        table.getColumns().add(column(texts.get("flows.disposition"), 110, FlowRow::disposition));
        table.getColumns().add(column(texts.get("flows.landing"), 100, FlowRow::landing));
        table.getColumns().add(column(texts.get("flows.change"), 230, FlowRow::change));
        table.setPlaceholder(new Label(texts.get("flows.none")));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(FlowRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("flow-changed", "flow-ok", "flow-failed");
                if (!empty && item != null) {
                    getStyleClass().add(item.successful() ? "flow-ok" : "flow-failed");
                    if (item.changed()) {
                        getStyleClass().add("flow-changed");
                    }
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                vm.selectedProperty().set(now == null ? null : now.name()));
        listening.on(vm.selectedProperty(), (obs, old, now) -> {
            FlowRow shown = table.getSelectionModel().getSelectedItem();
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (shown == null || !shown.name().equals(now)) {
                vm.rows().stream().filter(r -> r.name().equals(now)).findFirst()
                        .ifPresent(r -> table.getSelectionModel().select(r));
            }
        });
        listening.on(vm.rows(), (javafx.collections.ListChangeListener<FlowRow>) c -> {
            String name = vm.selectedProperty().get();
            if (name != null) {
                vm.rows().stream().filter(r -> r.name().equals(name)).findFirst()
                        .ifPresent(r -> table.getSelectionModel().select(r));
            }
        });

        Button trace = new Button(texts.get("flows.trace"));
        trace.setId("flows-trace");
        trace.setOnAction(e -> openTrace.run());
        Button play = new Button(texts.get("flows.animate"));
        play.setId("flows-animate");
        play.disableProperty().bind(vm.selectedProperty().isNull());
        play.setOnAction(e -> animate.accept(vm.selectedProperty().get()));
        Button unwatch = new Button(texts.get("flows.unwatch"));
        unwatch.setId("flows-unwatch");
        unwatch.disableProperty().bind(vm.selectedProperty().isNull());
        unwatch.setOnAction(e -> vm.unwatch(vm.selectedProperty().get()));
        HBox bar = new HBox(6, trace, play, unwatch);
        bar.setPadding(new Insets(4));

        Label explanation = new Label();
        explanation.setId("flows-explanation");
        explanation.setWrapText(true);
        explanation.getStyleClass().add("explanation");
        explanation.textProperty().bind(vm.explanationProperty());
        HopTable hops = new HopTable(vm.hops(), texts);
        hops.setId("flows-hops");
        VBox right = new VBox(4, explanation, hops);
        right.setPadding(new Insets(4));
        VBox.setVgrow(hops, Priority.ALWAYS);
        SplitPane split = new SplitPane(table, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.5);
        setTop(bar);
        setCenter(split);
    }

    private static TableColumn<FlowRow, String> column(String title, double width,
                                                       java.util.function.Function<FlowRow, String> value) {
        TableColumn<FlowRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
