package org.viflab.ui;

import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.viflab.coordinator.Coordinator;
import org.viflab.model.Topology;
import org.viflab.store.H2Repository;

/**
 * The desktop app's entry point and composition root: opens the lab (the default H2 file unless
 * told otherwise) and shows it.
 */
public final class VifLabApp extends Application {

    private static volatile Optional<String> database = Optional.empty();
    private static volatile Optional<Path> scenario = Optional.empty();

    private H2Repository repository;

    /** Starts the app and blocks until its window is closed. */
    public static void start(Optional<String> labDatabase, Optional<Path> scenarioFile) {
        database = labDatabase;
        scenario = scenarioFile;
        Application.launch(VifLabApp.class);
    }

    @Override
    public void start(Stage stage) {
        repository = database.map(H2Repository::open).orElseGet(() -> H2Repository.open(H2Repository.defaultLabPath()));
        Coordinator coordinator = new Coordinator(repository);
        Topology topology = coordinator.snapshot();
        TreeItem<String> root = new TreeItem<>("Lab " + repository.url());
        root.setExpanded(true);
        topology.partitions().values().forEach(p -> {
            TreeItem<String> partition = new TreeItem<>("partition " + p.id() + " " + p.cidr());
            topology.subnets().values().stream().filter(s -> s.partition().equals(p.id()))
                    .forEach(s -> partition.getChildren().add(new TreeItem<>("subnet " + s.id() + " " + s.cidr())));
            root.getChildren().add(partition);
        });
        topology.instances().values().forEach(i -> root.getChildren().add(new TreeItem<>("instance " + i.id() + " " + i.state())));
        BorderPane pane = new BorderPane(new TreeView<>(root));
        pane.setTop(new Label("VIF Lab — " + topology));
        stage.setTitle("VIF Lab");
        stage.setScene(new Scene(pane, 1000, 700));
        stage.show();
    }

    @Override
    public void stop() {
        if (repository != null) {
            repository.close();
        }
    }
}
