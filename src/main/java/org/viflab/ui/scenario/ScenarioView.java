package org.viflab.ui.scenario;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.viflab.ui.Texts;

/** The Scenario tab: the steps with their narration and results, and Next / Back / Run all / Reset. */
public final class ScenarioView extends BorderPane {

    public ScenarioView(ScenarioViewModel vm, Texts texts, Runnable openScenario, Runnable saveScenario,
                        java.util.function.Consumer<java.nio.file.Path> openFromLibrary) {
        setId("scenario-view");
        Label title = new Label();
        title.setId("scenario-title");
        title.getStyleClass().add("scenario-title");
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.scenarioProperty().get() == null ? texts.get("scenario.none") : vm.scenarioProperty().get().title(),
                vm.scenarioProperty()));
        Button open = new Button(texts.get("toolbar.openScenario"));
        open.setId("scenario-open");
        open.setOnAction(e -> openScenario.run());
        Button next = new Button(texts.get("scenario.next") + " ▶");
        next.setId("scenario-next");
        next.disableProperty().bind(vm.hasNext().not());
        next.setOnAction(e -> vm.next());
        Button back = new Button("◀ " + texts.get("scenario.back"));
        back.setId("scenario-back");
        back.disableProperty().bind(vm.hasBack().not());
        back.setOnAction(e -> vm.back());
        Button all = new Button(texts.get("scenario.runAll"));
        all.setId("scenario-run-all");
        all.disableProperty().bind(vm.hasNext().not());
        all.setOnAction(e -> vm.runAll());
        Button reset = new Button(texts.get("scenario.reset"));
        reset.setId("scenario-reset");
        reset.disableProperty().bind(vm.scenarioProperty().isNull());
        reset.setOnAction(e -> vm.reset());
        Button save = new Button(texts.get("toolbar.saveScenario"));
        save.setId("scenario-save");
        save.setOnAction(e -> saveScenario.run());
        Label error = new Label();
        error.setId("scenario-error");
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        javafx.scene.control.ComboBox<java.nio.file.Path> library = new javafx.scene.control.ComboBox<>(vm.library());
        library.setId("scenario-library");
        library.setPromptText(texts.get("scenario.library"));
        library.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(java.nio.file.Path path) {
                return path == null ? "" : path.getFileName().toString().replaceFirst("\\.(yaml|yml|json)$", "");
            }

            @Override
            public java.nio.file.Path fromString(String text) {
                return null;
            }
        });
        library.setOnAction(e -> {
            if (library.getValue() != null) {
                openFromLibrary.accept(library.getValue());
            }
        });
        library.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.library()));
        library.managedProperty().bind(library.visibleProperty());
        Label summary = new Label();
        summary.setId("scenario-summary");
        summary.textProperty().bind(vm.summaryProperty());
        HBox bar = new HBox(6, title, library, open, back, next, all, reset, save, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        HBox.setHgrow(title, Priority.SOMETIMES);
        Label narration = new Label();
        narration.setId("scenario-narration");
        narration.getStyleClass().add("narration");
        narration.setWrapText(true);
        narration.textProperty().bind(vm.narrationProperty());

        TableView<StepRow> table = new TableView<>(vm.steps());
        table.setId("scenario-steps");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("#", 40, r -> Integer.toString(r.index())));
        table.getColumns().add(column(texts.get("scenario.narration"), 300, StepRow::narration));
        table.getColumns().add(column(texts.get("scenario.action"), 260, StepRow::action));
        table.getColumns().add(column(texts.get("scenario.status"), 90,
                r -> texts.get("scenario.status." + r.status().name())));
        table.getColumns().add(column(texts.get("scenario.result"), 240, StepRow::answer));
        table.getColumns().add(column(texts.get("scenario.expectations"), 260,
                r -> r.status() == StepRow.Status.PASSED ? "✔ " + texts.get("scenario.held")
                        : r.status() == StepRow.Status.FAILED ? "✖ " + r.expectations() : ""));
        table.setPlaceholder(new Label(texts.get("scenario.placeholder")));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(StepRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("step-next", "step-failed", "step-done");
                if (!empty && item != null) {
                    switch (item.status()) {
                        case NEXT -> getStyleClass().add("step-next");
                        case FAILED -> getStyleClass().add("step-failed");
                        case PASSED -> getStyleClass().add("step-done");
                        default -> { }
                    }
                }
            }
        });
        VBox top = new VBox(2, bar, error, narration);
        top.setPadding(new Insets(0, 4, 4, 4));
        setTop(top);
        setCenter(table);
    }

    private static TableColumn<StepRow, String> column(String title, double width,
                                                       java.util.function.Function<StepRow, String> value) {
        TableColumn<StepRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
