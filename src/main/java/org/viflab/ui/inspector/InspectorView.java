package org.viflab.ui.inspector;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.viflab.ui.Texts;

/** Shows the inspector's rows: labels for read-only fields, inputs for editable ones, the error under its field. */
public final class InspectorView extends VBox {

    private final InspectorViewModel vm;
    private final Texts texts;
    private final GridPane grid = new GridPane();
    private final FlowPane buttons = new FlowPane(6, 6);

    public InspectorView(InspectorViewModel vm, Texts texts, org.viflab.ui.Listening listening) {
        this.vm = vm;
        this.texts = texts;
        getStyleClass().add("inspector");
        setId("inspector");
        setSpacing(8);
        setPadding(new Insets(10));
        Label title = new Label();
        title.getStyleClass().add("inspector-title");
        title.setId("inspector-title");
        title.textProperty().bind(vm.titleProperty());
        title.setWrapText(true);
        Label error = new Label();
        error.getStyleClass().add("inline-error");
        error.setId("inspector-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty().and(vm.errorFieldProperty().isEmpty()));
        error.managedProperty().bind(error.visibleProperty());
        grid.setHgap(8);
        grid.setVgap(5);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(130);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(names, values);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("inspector-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, buttons, error, scroll);
        listening.on(vm.rows(), (ListChangeListener<FieldRow>) c -> rebuild());
        listening.on(vm.actions(), (ListChangeListener<InspectorAction>) c -> rebuildButtons());
        listening.on(vm.errorProperty(), (obs, old, now) -> rebuild());
        rebuild();
        rebuildButtons();
    }

    private void rebuildButtons() {
        buttons.getChildren().clear();
        for (InspectorAction action : vm.actions()) {
            Button b = new Button(texts.get(action.labelKey()));
            b.setId(action.labelKey().replace('.', '-'));
            b.setOnAction(e -> vm.run(action));
            buttons.getChildren().add(b);
        }
        buttons.setVisible(!vm.actions().isEmpty());
        buttons.setManaged(!vm.actions().isEmpty());
    }

    private void rebuild() {
        grid.getChildren().clear();
        int r = 0;
        for (FieldRow row : vm.rows()) {
            String key = "field." + row.name();
            Label name = new Label(texts.has(key) ? texts.get(key) : row.name());
            name.getStyleClass().add("field-name");
            name.setWrapText(true);
            grid.add(name, 0, r);
            grid.add(editor(row), 1, r);
            r++;
            if (row.name().equals(vm.errorFieldProperty().get()) && !vm.errorProperty().get().isEmpty()) {
                Label error = new Label(vm.errorProperty().get());
                error.getStyleClass().add("inline-error");
                error.setId("error-" + row.name());
                error.setWrapText(true);
                grid.add(error, 1, r++);
            }
        }
    }

    private javafx.scene.Node editor(FieldRow row) {
        switch (row.edit()) {
            case TEXT, LIST -> {
                TextField field = new TextField(row.value().equals("—") ? "" : row.value());
                field.setId("field-" + row.name());
                field.setPromptText(texts.get(row.edit() == FieldRow.Edit.LIST ? "inspector.listPrompt" : "inspector.textPrompt"));
                field.setOnAction(e -> vm.edit(row.name(), field.getText()));
                field.focusedProperty().addListener((obs, was, is) -> {
                    String shown = row.value().equals("—") ? "" : row.value();
                    if (!is && !field.getText().equals(shown)) {
                        vm.edit(row.name(), field.getText());
                    }
                });
                return field;
            }
            case BOOLEAN -> {
                CheckBox box = new CheckBox();
                box.setId("field-" + row.name());
                box.setSelected(Boolean.parseBoolean(row.value()));
                box.setOnAction(e -> vm.edit(row.name(), Boolean.toString(box.isSelected())));
                return box;
            }
            default -> {
                Label value = new Label(row.value());
                value.getStyleClass().add("field-value");
                value.setId("value-" + row.name());
                value.setWrapText(true);
                return value;
            }
        }
    }
}
