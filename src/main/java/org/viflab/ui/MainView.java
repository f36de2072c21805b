package org.viflab.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.viflab.fabric.Propagation.Mode;
import org.viflab.model.PrincipalId;
import org.viflab.model.SubnetId;
import org.viflab.scenario.AtomicFile;
import org.viflab.ui.canvas.CanvasKey;
import org.viflab.ui.canvas.TopologyCanvas;
import org.viflab.ui.flows.TraceView;
import org.viflab.ui.flows.WatchedFlowsView;
import org.viflab.ui.forms.CreateInterfaceView;
import org.viflab.ui.inspector.InspectorView;
import org.viflab.ui.log.LogView;
import org.viflab.ui.scenario.ScenarioView;

/**
 * The main window: toolbar, palette, topology canvas, inspector, the Log / Watched flows / Trace /
 * Scenario tabs and the status bar. It only builds controls and binds them to {@link MainViewModel};
 * when the language changes it builds itself again in the new language.
 */
public final class MainView {

    private final MainViewModel vm;
    private final Stage stage;
    private final Texts texts;
    private final Scene scene;
    private TopologyCanvas canvas;
    /** What the views built last listen to; stopped when a language switch builds them again. */
    private final Listening listening = new Listening();
    private TabPane tabs;
    private BorderPane root;

    public MainView(MainViewModel vm, Stage stage, double width, double height) {
        this.vm = vm;
        this.stage = stage;
        this.texts = vm.texts();
        this.scene = new Scene(build(), width, height);
        applyStyles();
        vm.themeProperty().addListener((obs, old, now) -> applyStyles());
        vm.classroomProperty().addListener((obs, was, is) -> classroom(is));
        texts.localeProperty().addListener((obs, old, now) -> rebuild());
        installShortcuts();
    }

    public Scene scene() {
        return scene;
    }

    public TopologyCanvas canvas() {
        return canvas;
    }

    private void rebuild() {
        double s = canvas.scale();
        double px = canvas.panX();
        double py = canvas.panY();
        int tab = tabs.getSelectionModel().getSelectedIndex();
        canvas.dispose();
        listening.stop();
        scene.setRoot(build());
        tabs.getSelectionModel().select(tab);
        canvas.zoomBy(s / canvas.scale(), 0, 0);
        canvas.panBy(px - canvas.panX(), py - canvas.panY());
        applyStyles();
        classroom(vm.classroomProperty().get());
    }

    private void applyStyles() {
        scene.getStylesheets().setAll(css("base.css"), css(vm.themeProperty().get().stylesheet()));
        if (vm.classroomProperty().get()) {
            scene.getStylesheets().add(css("classroom.css"));
        }
        root.getStyleClass().removeAll("theme-light", "theme-dark");
        root.getStyleClass().add("theme-" + vm.themeProperty().get().name().toLowerCase(Locale.ROOT));
    }

    private static String css(String name) {
        return MainView.class.getResource(name).toExternalForm();
    }

    // ---- the window -------------------------------------------------------------------------

    private Parent build() {
        canvas = new TopologyCanvas(vm.canvas(), texts);
        root = new BorderPane();
        root.getStyleClass().add("vif-root");
        root.setId("main");
        root.setTop(toolbar());
        SplitPane upper = new SplitPane(palette(), canvasArea(), rightPane());
        upper.setId("upper");
        upper.setDividerPositions(0.115, 0.76);
        SplitPane.setResizableWithParent(upper.getItems().get(0), false);
        tabs = bottomTabs();
        SplitPane main = new SplitPane(upper, tabs);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.7);
        root.setCenter(main);
        root.setBottom(statusBar());
        stage.titleProperty().bind(Bindings.concat(texts.get("app.title"), " — ", vm.session().labNameProperty()));
        return root;
    }

    private Button button(String id, String textKey, String shortcut, Runnable action) {
        Button b = new Button(texts.get(textKey));
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setTooltip(new Tooltip(texts.get(textKey) + (shortcut.isEmpty() ? "" : "  (" + shortcut + ")")));
        return b;
    }

    private ToolBar toolbar() {
        Button newLab = button("tb-new", "toolbar.new", "Ctrl+N", this::newLab);
        Button open = button("tb-open", "toolbar.open", "Ctrl+O", this::openLab);
        Button openScenario = button("tb-open-scenario", "toolbar.openScenario", "Ctrl+Shift+O", this::openScenario);
        Button saveScenario = button("tb-save-scenario", "toolbar.saveScenario", "Ctrl+S", this::saveScenario);
        Button undo = button("tb-undo", "toolbar.undo", "Ctrl+Z", vm::undo);
        undo.disableProperty().bind(vm.session().canUndoProperty().not());
        undo.getTooltip().textProperty().bind(Bindings.concat(texts.get("toolbar.undo"), " ",
                vm.session().undoDescriptionProperty(), "  (Ctrl+Z)"));
        Button redo = button("tb-redo", "toolbar.redo", "Ctrl+Y", vm::redo);
        redo.disableProperty().bind(vm.session().canRedoProperty().not());
        redo.getTooltip().textProperty().bind(Bindings.concat(texts.get("toolbar.redo"), " ",
                vm.session().redoDescriptionProperty(), "  (Ctrl+Y)"));
        Button step = button("tb-step", "toolbar.step", "F8", vm::step);
        step.disableProperty().bind(vm.canStep().not());
        ToggleGroup modes = new ToggleGroup();
        ToggleButton instant = new ToggleButton(texts.get("toolbar.instant"));
        instant.setId("tb-instant");
        ToggleButton stepwise = new ToggleButton(texts.get("toolbar.stepwise"));
        stepwise.setId("tb-stepwise");
        instant.setToggleGroup(modes);
        stepwise.setToggleGroup(modes);
        instant.setTooltip(new Tooltip(texts.get("toolbar.mode.tip") + "  (Ctrl+M)"));
        stepwise.setTooltip(new Tooltip(texts.get("toolbar.mode.tip") + "  (Ctrl+M)"));
        Runnable showMode = () -> {
            boolean isInstant = vm.session().modeProperty().get() == Mode.INSTANT;
            instant.setSelected(isInstant);
            stepwise.setSelected(!isInstant);
        };
        listening.on(vm.session().modeProperty(), (obs, old, now) -> showMode.run());
        showMode.run();
        instant.setOnAction(e -> {
            vm.setMode(Mode.INSTANT);
            showMode.run();
        });
        stepwise.setOnAction(e -> {
            vm.setMode(Mode.STEPWISE);
            showMode.run();
        });
        Label propagation = new Label(texts.get("toolbar.propagation"));
        HBox modeBox = new HBox(2, propagation, instant, stepwise);
        modeBox.setAlignment(Pos.CENTER_LEFT);
        Button zoomOut = button("tb-zoom-out", "toolbar.zoomOut", "Ctrl+-", () -> canvas.zoomBy(1 / 1.25));
        zoomOut.setText("−");
        Button zoomIn = button("tb-zoom-in", "toolbar.zoomIn", "Ctrl++", () -> canvas.zoomBy(1.25));
        zoomIn.setText("+");
        Label zoom = new Label();
        zoom.setId("tb-zoom");
        zoom.setMinWidth(44);
        zoom.textProperty().bind(Bindings.format("%.0f%%", canvas.scaleProperty().multiply(100)));
        Button fit = button("tb-fit", "toolbar.fit", "Ctrl+0", () -> canvas.fit());
        Button export = button("tb-export", "toolbar.export", "Ctrl+E", this::exportPng);
        Button theme = button("tb-theme", "toolbar.theme", "Ctrl+T", vm::toggleTheme);
        ComboBox<Locale> language = new ComboBox<>();
        language.setId("tb-language");
        language.getItems().setAll(Texts.SUPPORTED);
        language.setValue(texts.locale());
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale locale) {
                return locale == null ? "" : locale.getDisplayLanguage(locale);
            }

            @Override
            public Locale fromString(String text) {
                return null;
            }
        });
        language.setTooltip(new Tooltip(texts.get("toolbar.language") + "  (Ctrl+L)"));
        language.setOnAction(e -> {
            Locale chosen = language.getValue();
            if (chosen != null && !chosen.equals(texts.locale())) {
                // Rebuilding the window from inside the combo's own handler would pull it out from
                // under the event: do it once the event is over.
                javafx.application.Platform.runLater(() -> texts.localeProperty().set(chosen));
            }
        });
        Button classroom = button("tb-classroom", "toolbar.classroom", "F11", vm::toggleClassroom);
        ToolBar bar = new ToolBar(newLab, open, openScenario, saveScenario, new Separator(), undo, redo,
                new Separator(), step, modeBox, new Separator(), zoomOut, zoom, zoomIn, fit, new Separator(), export,
                theme, language, classroom);
        bar.setId("toolbar");
        return bar;
    }

    private Node palette() {
        VBox box = new VBox(6);
        box.setId("palette");
        box.getStyleClass().add("palette");
        box.setPadding(new Insets(8));
        Label title = new Label(texts.get("palette.title"));
        title.getStyleClass().add("palette-title");
        Label hint = new Label(texts.get("palette.hint"));
        hint.getStyleClass().add("palette-hint");
        hint.setWrapText(true);
        box.getChildren().addAll(title, paletteItem("palette-vif", "palette.vif", "◈", null),
                paletteItem("palette-instance", "palette.instance", "▣", org.viflab.ui.forms.QuickFormViewModel.Kind.INSTANCE),
                paletteItem("palette-host", "palette.host", "▤", org.viflab.ui.forms.QuickFormViewModel.Kind.HOST),
                paletteItem("palette-subnet", "palette.subnet", "▭", org.viflab.ui.forms.QuickFormViewModel.Kind.SUBNET),
                paletteItem("palette-group", "palette.group", "◇", org.viflab.ui.forms.QuickFormViewModel.Kind.SECURITY_GROUP),
                hint);
        box.setMinWidth(120);
        box.setPrefWidth(160);
        return box;
    }

    /** A palette item: click opens its form; drop it on the canvas to prefill the form from the spot. */
    private Node paletteItem(String id, String key, String glyph, org.viflab.ui.forms.QuickFormViewModel.Kind quick) {
        Label item = new Label(texts.get(key));
        Label icon = new Label(glyph);
        icon.getStyleClass().add("palette-glyph");
        item.setGraphic(icon);
        item.setGraphicTextGap(8);
        item.setId(id);
        item.getStyleClass().add("palette-item");
        item.setMaxWidth(Double.MAX_VALUE);
        item.setWrapText(true);
        item.setTooltip(new Tooltip(texts.get(key + ".tip")));
        boolean[] dragged = {false};
        item.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> dragged[0] = false);
        item.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            dragged[0] = true;
            item.getScene().setCursor(canvas.containsScene(e.getSceneX(), e.getSceneY())
                    ? javafx.scene.Cursor.CLOSED_HAND : javafx.scene.Cursor.DEFAULT);
        });
        item.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            item.getScene().setCursor(javafx.scene.Cursor.DEFAULT);
            boolean onCanvas = dragged[0] && canvas.containsScene(e.getSceneX(), e.getSceneY());
            if (dragged[0] && !onCanvas) {
                return;
            }
            if (quick == null) {
                Optional<SubnetId> subnet = onCanvas ? canvas.keyAt(e.getSceneX(), e.getSceneY(),
                        k -> k == CanvasKey.Kind.SUBNET).map(k -> SubnetId.subnetId(k.id())) : Optional.empty();
                vm.showCreateInterface(subnet);
            } else {
                Optional<CanvasKey> spot = onCanvas ? canvas.keyAt(e.getSceneX(), e.getSceneY(),
                        k -> k == CanvasKey.Kind.SUBNET || k == CanvasKey.Kind.PARTITION || k == CanvasKey.Kind.ZONE
                                || k == CanvasKey.Kind.PLATFORM) : Optional.empty();
                vm.showQuickForm(quick, spot);
            }
        });
        return item;
    }

    private Node canvasArea() {
        HBox offer = new HBox(8);
        offer.setId("demo-offer");
        offer.getStyleClass().add("banner");
        Label text = new Label(texts.get("demo.offer"));
        text.setWrapText(true);
        Button load = new Button(texts.get("demo.load"));
        load.setId("demo-load");
        load.setDefaultButton(false);
        load.setOnAction(e -> {
            vm.loadDemo();
            canvas.fitWhenShown();
        });
        Button decline = new Button(texts.get("demo.decline"));
        decline.setId("demo-decline");
        decline.setOnAction(e -> vm.declineDemo());
        offer.getChildren().addAll(text, load, decline);
        offer.setAlignment(Pos.CENTER_LEFT);
        offer.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        offer.visibleProperty().bind(vm.offerDemoProperty());
        offer.managedProperty().bind(offer.visibleProperty());
        StackPane.setAlignment(offer, Pos.TOP_CENTER);
        StackPane.setMargin(offer, new Insets(16));

        Label loading = new Label(texts.get("status.loadingLab"));
        loading.getStyleClass().add("banner");
        loading.visibleProperty().bind(vm.loadingProperty());
        StackPane.setAlignment(loading, Pos.CENTER);

        Label caption = new Label();
        caption.setId("classroom-caption");
        caption.getStyleClass().add("caption");
        caption.setWrapText(true);
        caption.textProperty().bind(Bindings.createStringBinding(() -> {
            String narration = vm.scenario().narrationProperty().get();
            if (vm.scenario().scenarioProperty().get() != null && !narration.isBlank()) {
                return narration;
            }
            String change = vm.flows().lastChangeProperty().get();
            return change.isBlank() ? texts.get("classroom.hint") : change;
        }, vm.scenario().narrationProperty(), vm.scenario().scenarioProperty(), vm.flows().lastChangeProperty()));
        caption.visibleProperty().bind(vm.classroomProperty());
        caption.managedProperty().bind(caption.visibleProperty());
        caption.setMaxWidth(Double.MAX_VALUE);
        Button back = new Button("◀ " + texts.get("scenario.back"));
        back.setId("classroom-back");
        back.disableProperty().bind(vm.scenario().hasBack().not().and(vm.session().canUndoProperty().not()));
        back.setOnAction(e -> {
            if (vm.scenario().scenarioProperty().get() != null) {
                vm.scenario().back();
            } else {
                vm.undo();
            }
        });
        Button next = new Button(texts.get("scenario.next") + " ▶");
        next.setId("classroom-next");
        next.disableProperty().bind(vm.scenario().hasNext().not().and(vm.canStep().not()));
        next.setOnAction(e -> {
            if (vm.scenario().hasNext().get()) {
                vm.scenario().next();
            } else {
                vm.step();
            }
        });
        Button leave = new Button(texts.get("classroom.leave"));
        leave.setId("classroom-leave");
        leave.setOnAction(e -> vm.classroomProperty().set(false));
        HBox controls = new HBox(10, back, next, leave);
        controls.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(caption, Priority.ALWAYS);
        HBox classroomBar = new HBox(16, caption, controls);
        classroomBar.setId("classroom-bar");
        classroomBar.getStyleClass().add("classroom-bar");
        classroomBar.setAlignment(Pos.CENTER_LEFT);
        classroomBar.visibleProperty().bind(vm.classroomProperty());
        classroomBar.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(classroomBar, Pos.BOTTOM_CENTER);

        StackPane area = new StackPane(canvas, offer, loading, classroomBar);
        area.setId("canvas-area");
        area.setMinSize(200, 150);
        return area;
    }

    private Node rightPane() {
        InspectorView inspector = new InspectorView(vm.inspector(), texts, listening);
        CreateInterfaceView form = new CreateInterfaceView(vm.createInterface(), texts, () -> vm.formShownProperty().set(false), listening);
        org.viflab.ui.forms.QuickFormView quick = new org.viflab.ui.forms.QuickFormView(vm.quickForm(), texts,
                () -> vm.quickFormShownProperty().set(false), listening);
        inspector.visibleProperty().bind(vm.formShownProperty().not().and(vm.quickFormShownProperty().not()));
        form.visibleProperty().bind(vm.formShownProperty());
        quick.visibleProperty().bind(vm.quickFormShownProperty());
        StackPane right = new StackPane(inspector, form, quick);
        right.setId("right-pane");
        right.setMinWidth(240);
        return right;
    }

    private TabPane bottomTabs() {
        TabPane pane = new TabPane();
        pane.setId("bottom-tabs");
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab log = new Tab(texts.get("tab.log"), new LogView(vm.log(), texts, listening));
        log.setId("tab-log");
        Tab trace = new Tab(texts.get("tab.trace"), new TraceView(vm.trace(), vm.flows(), texts, listening));
        trace.setId("tab-trace");
        Tab flows = new Tab(texts.get("tab.flows"), new WatchedFlowsView(vm.flows(), texts,
                () -> pane.getSelectionModel().select(trace),
                name -> {
                    vm.flows().selectedTrace().ifPresent(t -> {
                        vm.trace().fromProperty().set(t.flow().from().toString());
                        vm.trace().toProperty().set(t.flow().to().toString());
                        vm.trace().protocolProperty().set(t.flow().protocol());
                        vm.trace().portProperty().set(Integer.toString(t.flow().port()));
                        vm.trace().show(t);
                        vm.trace().play();
                    });
                    pane.getSelectionModel().select(trace);
                }, listening));
        flows.setId("tab-flows");
        Tab scenario = new Tab(texts.get("tab.scenario"), new ScenarioView(vm.scenario(), texts, this::openScenario,
                this::saveScenario, file -> {
                    if (vm.openScenario(file)) {
                        canvas.fitWhenShown();
                    }
                }));
        scenario.setId("tab-scenario");
        pane.getTabs().addAll(log, flows, trace, scenario);
        pane.getSelectionModel().select(flows);
        return pane;
    }

    private Node statusBar() {
        Label lab = new Label();
        lab.setId("status-lab");
        lab.textProperty().bind(Bindings.concat(texts.get("status.lab"), " ", vm.session().labNameProperty()));
        ComboBox<PrincipalId> principal = new ComboBox<>();
        principal.setId("status-principal");
        Runnable principals = () -> principal.getItems().setAll(vm.session().topology().principals());
        listening.on(vm.session().topologyProperty(), (obs, old, now) -> {
            if (!now.principals().equals(old.principals())) {
                principals.run();
                principal.setValue(vm.session().principalProperty().get());
            }
        });
        principals.run();
        principal.setValue(vm.session().principalProperty().get());
        principal.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.session().principalProperty().set(now);
            }
        });
        listening.on(vm.session().principalProperty(), (obs, old, now) -> principal.setValue(now));
        principal.setTooltip(new Tooltip(texts.get("status.principal.tip")));
        Label pending = new Label();
        pending.setId("status-pending");
        pending.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("status.pending", vm.session().pendingCountProperty().get()),
                vm.session().pendingCountProperty()));
        Label error = new Label();
        error.setId("status-error");
        error.getStyleClass().add("status-error");
        error.textProperty().bind(Bindings.createStringBinding(
                () -> MainViewModel.describe(vm.session().lastErrorProperty().get(), texts.locale()),
                        vm.session().lastErrorProperty()));
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setId("status-progress");
        progress.visibleProperty().bind(vm.loadingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bar = new HBox(10, lab, new Separator(Orientation.VERTICAL), new Label(texts.get("status.principal")), principal,
                new Separator(Orientation.VERTICAL), pending, new Separator(Orientation.VERTICAL), error, spring, message,
                progress);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setId("status-bar");
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(3, 8, 3, 8));
        return bar;
    }

    // ---- classroom mode ---------------------------------------------------------------------

    private void classroom(boolean on) {
        applyStyles();
        root.getTop().setVisible(!on);
        root.getTop().setManaged(!on);
        root.getBottom().setVisible(!on);
        root.getBottom().setManaged(!on);
        SplitPane main = (SplitPane) root.getCenter();
        SplitPane upper = (SplitPane) main.getItems().get(0);
        if (on) {
            main.getItems().remove(tabs);
            upper.getItems().get(0).setVisible(false);
            upper.getItems().get(0).setManaged(false);
            upper.getItems().get(2).setVisible(false);
            upper.getItems().get(2).setManaged(false);
            upper.setDividerPositions(0, 1);
        } else {
            if (!main.getItems().contains(tabs)) {
                main.getItems().add(tabs);
                main.setDividerPositions(0.7);
            }
            upper.getItems().get(0).setVisible(true);
            upper.getItems().get(0).setManaged(true);
            upper.getItems().get(2).setVisible(true);
            upper.getItems().get(2).setManaged(true);
            upper.setDividerPositions(0.115, 0.76);
        }
        if (stage.isShowing() || on) {
            stage.setFullScreen(on);
        }
        canvas.setMaxFitScale(on ? 2.0 : 1.0);
        canvas.fitWhenShown();
    }

    // ---- files ------------------------------------------------------------------------------

    private FileChooser labChooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.get("file.labs"), "*.mv.db"));
        return chooser;
    }

    private void newLab() {
        File file = labChooser("toolbar.new").showSaveDialog(stage);
        if (file != null) {
            vm.newLab(file.toPath());
            canvas.fitWhenShown();
        }
    }

    private void openLab() {
        File file = labChooser("toolbar.open").showOpenDialog(stage);
        if (file != null) {
            String location = file.getPath();
            if (location.endsWith(".mv.db")) {
                location = location.substring(0, location.length() - ".mv.db".length());
            }
            vm.openLab(location, canvas::fitWhenShown);
        }
    }

    private void openScenario() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("toolbar.openScenario"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.get("file.scenarios"), "*.yaml",
                "*.yml", "*.json"));
        File file = chooser.showOpenDialog(stage);
        if (file != null && vm.openScenario(file.toPath())) {
            tabs.getSelectionModel().select(tabs.getTabs().get(3));
            canvas.fitWhenShown();
        }
    }

    private void saveScenario() {
        TextInputDialog title = new TextInputDialog(vm.session().labNameProperty().get());
        title.initOwner(stage);
        title.setHeaderText(texts.get("save.title"));
        Optional<String> chosen = title.showAndWait();
        if (chosen.isEmpty() || chosen.get().isBlank()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("toolbar.saveScenario"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.get("file.scenarios"), "*.yaml"));
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            vm.saveScenario(file.toPath(), chosen.get());
        }
    }

    private void exportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("toolbar.export"));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PNG", "*.png"),
                new FileChooser.ExtensionFilter("SVG", "*.svg"));
        chooser.setInitialFileName("viflab.png");
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            if (file.getName().toLowerCase(Locale.ROOT).endsWith(".svg")) {
                exportSvg(file.toPath());
            } else {
                exportPng(file.toPath());
            }
        }
    }

    /**
     * Writes the whole lab (not only what is in view) as an SVG drawing. A file that cannot be
     * written is told in plain words, and a file already there is left as it was.
     */
    public void exportSvg(Path file) {
        try {
            String svg = org.viflab.ui.canvas.SvgExport.svg(vm.canvas().layout(), vm.canvas().paths());
            AtomicFile.write(file, svg.getBytes(StandardCharsets.UTF_8));
            vm.notifier().info(texts.get("status.exported", file.getFileName()));
        } catch (IOException e) {
            vm.notifier().failed(texts.get("error.export", file), WriteProblem.explain(texts, file, e));
        } catch (RuntimeException e) {
            vm.notifier().unexpected(texts.get("error.export", file), e);
        }
    }

    /** Writes what the canvas shows to a PNG file, as {@link #exportSvg} does. */
    public void exportPng(Path file) {
        try {
            PngExport.write(canvas.snapshotView(), file);
            vm.notifier().info(texts.get("status.exported", file.getFileName()));
        } catch (UncheckedIOException e) {
            vm.notifier().failed(texts.get("error.export", file), WriteProblem.explain(texts, file, e.getCause()));
        } catch (RuntimeException e) {
            vm.notifier().unexpected(texts.get("error.export", file), e);
        }
    }

    // ---- keyboard ---------------------------------------------------------------------------

    private void installShortcuts() {
        var keys = scene.getAccelerators();
        keys.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), this::newLab);
        keys.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::openLab);
        keys.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::openScenario);
        keys.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::saveScenario);
        keys.put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), vm::undo);
        keys.put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), vm::redo);
        keys.put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), vm::redo);
        keys.put(new KeyCodeCombination(KeyCode.F8), vm::step);
        keys.put(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN), vm::toggleMode);
        keys.put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), () -> canvas.zoomBy(1.25));
        keys.put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), () -> canvas.zoomBy(1.25));
        keys.put(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), () -> canvas.zoomBy(1 / 1.25));
        keys.put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), () -> canvas.fit());
        keys.put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), this::exportPng);
        keys.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), vm::toggleTheme);
        keys.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), () -> {
            int i = Texts.SUPPORTED.indexOf(texts.locale());
            texts.localeProperty().set(Texts.SUPPORTED.get((i + 1) % Texts.SUPPORTED.size()));
        });
        keys.put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), () -> {
            tabs.getSelectionModel().select(tabs.getTabs().get(2));
            vm.trace().trace();
        });
        keys.put(new KeyCodeCombination(KeyCode.F11), vm::toggleClassroom);
        keys.put(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.SHORTCUT_DOWN), () -> vm.scenario().next());
        keys.put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.SHORTCUT_DOWN), () -> vm.scenario().back());
        stage.fullScreenProperty().addListener((obs, was, is) -> {
            if (!is && vm.classroomProperty().get()) {
                vm.classroomProperty().set(false);
            }
        });
    }
}
