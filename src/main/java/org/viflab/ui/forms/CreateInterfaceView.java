package org.viflab.ui.forms;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;
import org.viflab.ui.Texts;

/**
 * The create-interface form (figure 9): binds every input to {@link CreateInterfaceViewModel}, shows
 * each field's problem under it, and keeps Submit disabled while there is one.
 */
public final class CreateInterfaceView extends VBox {

    /**
     * The width a choice box asks for; the column stretches it to the form's width. Left to itself, a
     * combo box asks its list for the width of its widest item, which means measuring a cell for every
     * option (2,000 instances in a large lab) whenever the form is laid out, shown or not.
     */
    static final double CHOICE_WIDTH = 160;
    /** The narrowest a choice box gets (its arrow and a few letters). */
    static final double CHOICE_MIN_WIDTH = 60;

    private final CreateInterfaceViewModel vm;
    private final Texts texts;
    /** What this form listens to on its view model, taken off when the window's views are built again. */
    private final org.viflab.ui.Listening listening;
    private final GridPane grid = new GridPane();
    private int row;

    public CreateInterfaceView(CreateInterfaceViewModel vm, Texts texts, Runnable close, org.viflab.ui.Listening listening) {
        this.vm = vm;
        this.texts = texts;
        this.listening = listening;
        getStyleClass().add("create-form");
        setId("create-interface-form");
        setSpacing(8);
        setPadding(new Insets(10));
        Label title = new Label(texts.get("form.title"));
        title.getStyleClass().add("inspector-title");
        Label hint = new Label(texts.get("form.hint"));
        hint.getStyleClass().add("form-hint");
        hint.setWrapText(true);
        grid.setHgap(8);
        grid.setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(96);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        inputs.setFillWidth(true);
        grid.getColumnConstraints().addAll(names, inputs);

        add("id", text(vm.idProperty(), "form-id", texts.get("form.id.prompt")));
        add("description", text(vm.descriptionProperty(), "form-description", ""));
        add("partition", combo(vm.partitionProperty(), vm.partitionOptions(), "form-partition", false));
        add("subnet", combo(vm.subnetProperty(), vm.subnetOptions(), "form-subnet", false));
        add("privateIps", text(vm.privateIpsProperty(), "form-private-ips", texts.get("form.auto")));
        add("publicIps", text(vm.publicIpsProperty(), "form-public-ips", texts.get("form.none")));
        add("securityGroups", checks(vm.groupOptions(), vm.groups(), "form-groups", texts.get("form.defaultGroup")));
        add("attachers", checks(vm.principalOptions(), vm.attachers(), "form-attachers", texts.get("form.ownerOnly")));
        add("ipSetters", checks(vm.principalOptions(), vm.ipSetters(), "form-ip-setters", texts.get("form.ownerOnly")));
        ComboBox<org.viflab.model.InstanceId> instance = combo(vm.instanceProperty(), vm.instanceOptions(), "form-instance", true);
        Button noInstance = new Button("✕");
        noInstance.setId("form-instance-clear");
        noInstance.setTooltip(new javafx.scene.control.Tooltip(texts.get("form.noInstance")));
        noInstance.setOnAction(e -> vm.instanceProperty().set(null));
        noInstance.disableProperty().bind(vm.instanceProperty().isNull());
        HBox.setHgrow(instance, Priority.ALWAYS);
        add("instance", new HBox(4, instance, noInstance));

        Label formError = errorLabel(Violation.FORM);
        Button submit = new Button(texts.get("form.submit"));
        submit.setId("form-submit");
        submit.setDefaultButton(true);
        submit.disableProperty().bind(vm.canSubmit().not());
        submit.setOnAction(e -> vm.submit());
        Button cancel = new Button(texts.get("form.cancel"));
        cancel.setId("form-cancel");
        cancel.setOnAction(e -> close.run());
        HBox buttons = new HBox(8, submit, cancel);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, hint, scroll, formError, buttons);
    }

    private void add(String field, Node input) {
        Label name = new Label(texts.get("field." + field));
        name.getStyleClass().add("field-name");
        name.setLabelFor(input);
        grid.add(name, 0, row);
        grid.add(input, 1, row++);
        grid.add(errorLabel(field), 1, row++);
        listening.on(vm.violations(), (ListChangeListener<Violation>) c -> {
            boolean bad = vm.violationOf(field).isPresent();
            input.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), bad);
        });
    }

    private Label errorLabel(String field) {
        Label error = new Label();
        error.setId("error-" + field);
        error.getStyleClass().add("inline-error");
        error.setWrapText(true);
        Runnable show = () -> {
            String message = vm.violationOf(field).orElse("");
            error.setText(message);
            error.setVisible(!message.isEmpty());
            error.setManaged(!message.isEmpty());
        };
        listening.on(vm.violations(), (ListChangeListener<Violation>) c -> show.run());
        show.run();
        return error;
    }

    private static TextField text(javafx.beans.property.StringProperty property, String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    /** A fixed preferred and minimum width, so that the options are not measured to size the box. */
    private static void sized(javafx.scene.control.Control box) {
        box.setMinWidth(CHOICE_MIN_WIDTH);
        box.setPrefWidth(CHOICE_WIDTH);
        box.setMaxWidth(Double.MAX_VALUE);
    }

    private <T> ComboBox<T> combo(javafx.beans.property.ObjectProperty<T> property, ObservableList<T> options,
                                  String id, boolean optional) {
        ComboBox<T> box = new ComboBox<>(options);
        box.setId(id);
        sized(box);
        box.valueProperty().bindBidirectional(property);
        if (optional) {
            box.setPromptText(texts.get("form.noInstance"));
        }
        return box;
    }

    private <T> Node checks(ObservableList<T> options, ObservableList<T> chosen, String id, String prompt) {
        CheckComboBox<T> box = new CheckComboBox<>(options);
        box.setId(id);
        sized(box);
        box.setTitle(prompt);
        box.setShowCheckedCount(false);
        boolean[] syncing = {false};
        Runnable fromModel = () -> {
            if (syncing[0]) {
                return;
            }
            syncing[0] = true;
            try {
                box.getCheckModel().clearChecks();
                chosen.forEach(item -> box.getCheckModel().check(item));
                box.setTitle(chosen.isEmpty() ? prompt : null);
            } finally {
                syncing[0] = false;
            }
        };
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) c -> {
            if (syncing[0]) {
                return;
            }
            syncing[0] = true;
            try {
                chosen.setAll(List.copyOf(box.getCheckModel().getCheckedItems()));
                box.setTitle(chosen.isEmpty() ? prompt : null);
            } finally {
                syncing[0] = false;
            }
        });
        listening.on(chosen, (ListChangeListener<T>) c -> fromModel.run());
        listening.on(options, (ListChangeListener<T>) c -> fromModel.run());
        return box;
    }
}
