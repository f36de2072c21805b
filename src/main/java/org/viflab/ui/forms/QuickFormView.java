package org.viflab.ui.forms;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.viflab.ui.Texts;

/** The palette's short forms: one row per field of {@link QuickFormViewModel}, its problem under it. */
public final class QuickFormView extends VBox {

    private final QuickFormViewModel vm;
    private final Texts texts;
    private final GridPane grid = new GridPane();
    private final Label title = new Label();

    public QuickFormView(QuickFormViewModel vm, Texts texts, Runnable close, org.viflab.ui.Listening listening) {
        this.vm = vm;
        this.texts = texts;
        setId("quick-form");
        getStyleClass().add("create-form");
        setSpacing(8);
        setPadding(new Insets(10));
        title.getStyleClass().add("inspector-title");
        title.setId("quick-form-title");
        grid.setHgap(8);
        grid.setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(96);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        inputs.setFillWidth(true);
        grid.getColumnConstraints().addAll(names, inputs);
        Label formError = new Label();
        formError.setId("quick-error-form");
        formError.getStyleClass().add("inline-error");
        formError.setWrapText(true);
        Button submit = new Button(texts.get("form.submit"));
        submit.setId("quick-submit");
        submit.disableProperty().bind(vm.canSubmit().not());
        submit.setOnAction(e -> vm.submit());
        Button cancel = new Button(texts.get("form.cancel"));
        cancel.setId("quick-cancel");
        cancel.setOnAction(e -> close.run());
        getChildren().addAll(title, grid, formError, new HBox(8, submit, cancel));
        listening.on(vm.fields(), (ListChangeListener<QuickFormViewModel.Field>) c -> rebuild());
        listening.on(vm.violations(), (ListChangeListener<Violation>) c -> {
            showErrors();
            String message = vm.violationOf(Violation.FORM).orElse("");
            formError.setText(message);
            formError.setVisible(!message.isEmpty());
        });
        rebuild();
    }

    private void rebuild() {
        title.setText(texts.get("quick.title." + vm.kindProperty().get().name()));
        grid.getChildren().clear();
        int row = 0;
        for (QuickFormViewModel.Field field : vm.fields()) {
            Label name = new Label(texts.get("field." + field.name()));
            name.getStyleClass().add("field-name");
            Node input;
            if (field.choices().isEmpty()) {
                TextField text = new TextField();
                text.textProperty().bindBidirectional(field.value());
                if (field.name().equals("ingress")) {
                    text.setPromptText("tcp 80,443 from 0.0.0.0/0; all from sg-web");
                }
                input = text;
            } else {
                ComboBox<String> box = new ComboBox<>(field.choices());
                box.setEditable(field.free());
                box.setMaxWidth(Double.MAX_VALUE);
                box.valueProperty().bindBidirectional(field.value());
                if (field.free()) {
                    box.getEditor().textProperty().bindBidirectional(field.value());
                }
                input = box;
            }
            input.setId("quick-" + field.name());
            grid.add(name, 0, row);
            grid.add(input, 1, row++);
            Label error = new Label();
            error.setId("quick-error-" + field.name());
            error.getStyleClass().add("inline-error");
            error.setWrapText(true);
            grid.add(error, 1, row++);
        }
        showErrors();
    }

    private void showErrors() {
        for (Node node : grid.getChildren()) {
            if (node instanceof Label label && label.getId() != null && label.getId().startsWith("quick-error-")) {
                String message = vm.violationOf(label.getId().substring("quick-error-".length())).orElse("");
                label.setText(message);
                label.setVisible(!message.isEmpty());
                label.setManaged(!message.isEmpty());
            }
        }
    }
}
