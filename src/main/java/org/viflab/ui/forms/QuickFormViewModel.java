package org.viflab.ui.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.viflab.coordinator.Outcome;
import org.viflab.coordinator.Request;
import org.viflab.lab.Lab;
import org.viflab.model.InstanceId;
import org.viflab.model.InstanceState;
import org.viflab.model.InstanceType;
import org.viflab.model.InterfaceId;
import org.viflab.model.NicId;
import org.viflab.model.PartitionId;
import org.viflab.model.PlatformId;
import org.viflab.model.PrincipalId;
import org.viflab.model.Rule;
import org.viflab.model.RulePeer;
import org.viflab.model.SecurityGroupId;
import org.viflab.model.ServicePlatform;
import org.viflab.model.Subnet;
import org.viflab.model.SubnetId;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Prefix;
import org.viflab.net.PortSet;
import org.viflab.net.Protocol;
import org.viflab.ui.LabSession;
import org.viflab.ui.Texts;

/**
 * The short forms behind the palette's other items: a subnet, a security group, a host (service
 * platform) and an instance. Each is a few text fields (some with choices), checked as the user
 * types (parsing here, the rest by a coordinator dry run) and sent as one request.
 */
public final class QuickFormViewModel {

    /** What the form creates. */
    public enum Kind { SUBNET, SECURITY_GROUP, HOST, INSTANCE }

    /** One input: its name (also its text key {@code field.<name>}), value, and choices if it offers some. */
    public record Field(String name, StringProperty value, ObservableList<String> choices, boolean free) {
    }

    private final LabSession session;
    private final Texts texts;
    private final ReadOnlyObjectWrapper<Kind> kind = new ReadOnlyObjectWrapper<>(this, "kind", Kind.SUBNET);
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ObservableList<Violation> violations = FXCollections.observableArrayList();
    private final BooleanBinding canSubmit = Bindings.isEmpty(violations);
    private final ReadOnlyObjectWrapper<String> created = new ReadOnlyObjectWrapper<>(this, "created");
    private boolean building;

    public QuickFormViewModel(LabSession session, Texts texts) {
        this.session = session;
        this.texts = texts;
        session.revisionProperty().addListener(o -> validate());
        session.principalProperty().addListener(o -> validate());
    }

    public ReadOnlyObjectProperty<Kind> kindProperty() {
        return kind.getReadOnlyProperty();
    }

    public ObservableList<Field> fields() {
        return fields;
    }

    public ObservableList<Violation> violations() {
        return violations;
    }

    public Optional<String> violationOf(String field) {
        return violations.stream().filter(v -> v.field().equals(field)).map(Violation::message).findFirst();
    }

    public BooleanBinding canSubmit() {
        return canSubmit;
    }

    /** The id of the last object this form created. */
    public ReadOnlyObjectProperty<String> createdProperty() {
        return created.getReadOnlyProperty();
    }

    /** The value of a field ({@code ""} if the form has none of that name). */
    public String value(String name) {
        return field(name).map(f -> f.value().get()).orElse("");
    }

    public void set(String name, String value) {
        field(name).ifPresent(f -> f.value().set(value));
    }

    private Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    // ---- starting ---------------------------------------------------------------------------

    /**
     * Empties the form for a kind of object, prefilled from where the palette item was dropped
     * ({@code partition}, {@code zone}, {@code host} or {@code subnet} hints, when known).
     */
    public void start(Kind newKind, Map<String, String> hints) {
        building = true;
        try {
            kind.set(newKind);
            Topology t = session.topology();
            List<String> partitions = t.partitions().keySet().stream().map(Object::toString).toList();
            List<String> zones = zones(t);
            List<Field> now = new ArrayList<>();
            switch (newKind) {
                case SUBNET -> {
                    now.add(text("id", nextId(t.subnets().keySet().stream().map(Object::toString).toList(), "subnet-")));
                    now.add(choice("partition", hints.getOrDefault("partition", first(partitions)), partitions, false));
                    now.add(text("cidr", ""));
                    now.add(choice("zone", hints.getOrDefault("zone", first(zones)), zones, true));
                }
                case SECURITY_GROUP -> {
                    now.add(text("id", nextId(t.securityGroups().keySet().stream().map(Object::toString).toList(), "sg-")));
                    now.add(choice("partition", hints.getOrDefault("partition", first(partitions)), partitions, false));
                    now.add(text("description", ""));
                    now.add(text("ingress", "tcp 80 from 0.0.0.0/0"));
                }
                case HOST -> {
                    now.add(text("id", nextId(t.platforms().keySet().stream().map(Object::toString).toList(), "host-")));
                    now.add(choice("zone", hints.getOrDefault("zone", first(zones)), zones, true));
                    now.add(text("capacity", "4"));
                    now.add(text("nics", "1"));
                }
                case INSTANCE -> {
                    now.add(text("id", nextId(t.instances().keySet().stream().map(Object::toString).toList(), "vm-")));
                    now.add(choice("type", "t3.medium", InstanceType.BUILT_IN.stream().map(InstanceType::name).toList(), true));
                    String host = hints.getOrDefault("host", "");
                    String zone = hints.getOrDefault("zone", host.isEmpty() ? first(zones)
                            : t.platforms().get(PlatformId.platformId(host)).zone());
                    now.add(choice("zone", zone, zones, true));
                    List<String> hosts = new ArrayList<>(List.of(""));
                    t.platforms().keySet().forEach(p -> hosts.add(p.value()));
                    now.add(choice("platform", host, hosts, false));
                    List<String> subnets = t.subnets().keySet().stream().map(Object::toString).toList();
                    String subnet = hints.getOrDefault("subnet", t.subnets().values().stream()
                            .filter(s -> s.zone().equals(zone)).map(s -> s.id().value()).findFirst().orElse(first(subnets)));
                    now.add(choice("subnet", subnet, subnets, false));
                    now.add(choice("state", "running", List.of("running", "pending", "stopped"), false));
                }
                default -> throw new IllegalStateException(newKind.toString());
            }
            fields.setAll(now);
        } finally {
            building = false;
        }
        validate();
    }

    private static List<String> zones(Topology t) {
        java.util.TreeSet<String> zones = new java.util.TreeSet<>();
        t.subnets().values().forEach(s -> zones.add(s.zone()));
        t.platforms().values().forEach(p -> zones.add(p.zone()));
        if (zones.isEmpty()) {
            zones.add("zone-1");
        }
        return List.copyOf(zones);
    }

    private static String first(List<String> options) {
        return options.isEmpty() ? "" : options.get(0);
    }

    private static String nextId(List<String> taken, String prefix) {
        for (int n = 1; ; n++) {
            if (!taken.contains(prefix + n)) {
                return prefix + n;
            }
        }
    }

    private Field text(String name, String value) {
        Field f = new Field(name, new SimpleStringProperty(value), FXCollections.observableArrayList(), true);
        f.value().addListener(o -> validate());
        return f;
    }

    private Field choice(String name, String value, List<String> choices, boolean free) {
        Field f = new Field(name, new SimpleStringProperty(value), FXCollections.observableArrayList(choices), free);
        f.value().addListener(o -> validate());
        return f;
    }

    // ---- the request ------------------------------------------------------------------------

    private Optional<Request> request(List<Violation> found) {
        try {
            return Optional.of(switch (kind.get()) {
                case SUBNET -> new Request.CreateSubnet(Optional.of(SubnetId.subnetId(required("id"))),
                        PartitionId.partitionId(required("partition")), prefix("cidr"), required("zone"), List.of());
                case SECURITY_GROUP -> new Request.CreateSecurityGroup(
                        Optional.of(SecurityGroupId.securityGroupId(required("id"))),
                        PartitionId.partitionId(required("partition")), value("description"), rules("ingress"),
                        Optional.empty());
                case HOST -> host();
                case INSTANCE -> launch();
            });
        } catch (BadField e) {
            found.add(new Violation(e.field, e.getMessage()));
        } catch (org.viflab.model.InvalidIdException e) {
            found.add(new Violation(Violation.FORM, e.sentence().in(texts.locale())));
        } catch (IllegalArgumentException e) {
            found.add(new Violation(Violation.FORM, e.getMessage()));
        }
        return Optional.empty();
    }

    /** A field that does not parse, named. */
    private static final class BadField extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final String field;

        BadField(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    private String required(String name) {
        String v = value(name).trim();
        if (v.isEmpty()) {
            throw new BadField(name, texts.get("form.error.required"));
        }
        return v;
    }

    private Ipv4Prefix prefix(String name) {
        String v = required(name);
        return Ipv4Prefix.tryParse(v).orElseThrow(() -> new BadField(name, texts.get("form.error.cidr", v)));
    }

    private int number(String name, int min) {
        String v = required(name);
        try {
            int n = Integer.parseInt(v);
            if (n < min) {
                throw new BadField(name, texts.get("form.error.number", v));
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadField(name, texts.get("form.error.number", v));
        }
    }

    /** {@code tcp 80,443 from 0.0.0.0/0; all from sg-web}: rules separated by semicolons. */
    private List<Rule> rules(String name) {
        List<Rule> out = new ArrayList<>();
        for (String part : value(name).split(";")) {
            String text = part.trim();
            if (text.isEmpty()) {
                continue;
            }
            String[] words = text.split("\\s+");
            try {
                int from = List.of(words).indexOf("from");
                if (from < 1 || from != words.length - 2 || from > 2) {
                    throw new IllegalArgumentException(text);
                }
                Protocol protocol = Protocol.parse(words[0]);
                PortSet ports = from == 2 ? PortSet.parse(words[1]) : null;
                out.add(new Rule(protocol, ports, RulePeer.parse(words[from + 1])));
            } catch (IllegalArgumentException e) {
                throw new BadField(name, texts.get("form.error.rule", text));
            }
        }
        return out;
    }

    private Request host() {
        String id = required("id");
        int nics = number("nics", 1);
        List<Request.NicSpec> specs = new ArrayList<>();
        for (int i = 1; i <= nics; i++) {
            specs.add(new Request.NicSpec(NicId.nicId(id + "-nic" + i), Optional.empty(), true));
        }
        return new Request.AddPlatform(PlatformId.platformId(id), required("zone"), number("capacity", 1), specs);
    }

    private Request launch() {
        String id = required("id");
        SubnetId subnet = SubnetId.subnetId(required("subnet"));
        String host = value("platform").trim();
        Topology t = session.topology();
        PrincipalId as = session.principalProperty().get();
        Optional<PrincipalId> owner = Optional.of(as);
        if (as.equals(Topology.OPERATOR)) {
            Subnet s = t.subnets().get(subnet);
            owner = s == null ? Optional.empty() : Optional.ofNullable(t.partitions().get(s.partition())).map(p -> p.owner());
        }
        InstanceState state = InstanceState.parse(required("state"));
        return new Request.Launch(Optional.of(InstanceId.instanceId(id)), owner, required("type"), required("zone"),
                host.isEmpty() ? Optional.empty() : Optional.of(PlatformId.platformId(host)), state,
                List.of(Request.InterfaceSpec.inSubnet(subnet).withId(InterfaceId.interfaceId(id + "-eth0"))),
                Map.of());
    }

    /** Checks the fields and, when they parse, asks the coordinator for a dry run. */
    public void validate() {
        if (building || session.lab().isEmpty() || fields.isEmpty()) {
            return;
        }
        List<Violation> found = new ArrayList<>();
        Optional<Request> request = request(found);
        if (request.isPresent()) {
            Outcome outcome = session.dryRun(request.get());
            if (!LabSession.wouldAccept(outcome) && outcome instanceof Outcome.Rejected r) {
                found.add(new Violation(fieldOf(r), r.code().code() + ": " + r.message(texts.locale())));
            }
        }
        violations.setAll(found);
    }

    private String fieldOf(Outcome.Rejected r) {
        for (Field f : fields) {
            String v = f.value().get().trim();
            if (!v.isEmpty() && r.message().contains(v)) {
                return f.name();
            }
        }
        return Violation.FORM;
    }

    /** Sends the request; on success the form remembers what it created. */
    public Optional<Lab.Result> submit() {
        validate();
        List<Violation> found = new ArrayList<>();
        Optional<Request> request = request(found);
        if (!violations.isEmpty() || request.isEmpty()) {
            return Optional.empty();
        }
        Lab.Result result = session.submit(request.get());
        if (result.accepted()) {
            created.set(null);
            created.set(value("id"));
        } else {
            result.outcome().filter(Outcome.Rejected.class::isInstance).map(Outcome.Rejected.class::cast)
                    .ifPresent(r -> violations.setAll(List.of(new Violation(fieldOf(r), r.code().code() + ": " + r.message(texts.locale())))));
        }
        return Optional.of(result);
    }

    /** Hints for {@link #start} from the kind and id of a canvas node under a palette drop. */
    public static Map<String, String> hintsFrom(String kind, String id, Topology topology) {
        Map<String, String> hints = new LinkedHashMap<>();
        switch (kind) {
            case "partition" -> hints.put("partition", id);
            case "subnet" -> topology.subnet(SubnetId.subnetId(id)).ifPresent(s -> {
                hints.put("partition", s.partition().value());
                hints.put("zone", s.zone());
                hints.put("subnet", id);
            });
            case "zone" -> hints.put("zone", id);
            case "platform" -> topology.platform(PlatformId.platformId(id)).map(ServicePlatform::zone).ifPresent(z -> {
                hints.put("zone", z);
                hints.put("host", id);
            });
            default -> {
            }
        }
        return hints;
    }
}
