package org.viflab.ui.forms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.viflab.coordinator.ErrorCode;
import org.viflab.coordinator.Outcome;
import org.viflab.coordinator.Request;
import org.viflab.coordinator.Request.InterfaceSpec;
import org.viflab.lab.Lab;
import org.viflab.model.InstanceId;
import org.viflab.model.InstanceState;
import org.viflab.model.InterfaceId;
import org.viflab.model.Partition;
import org.viflab.model.PartitionId;
import org.viflab.model.PrincipalId;
import org.viflab.model.ResourceInstance;
import org.viflab.model.SecurityGroup;
import org.viflab.model.SecurityGroupId;
import org.viflab.model.Subnet;
import org.viflab.model.SubnetId;
import org.viflab.model.Topology;
import org.viflab.net.Ipv4Address;
import org.viflab.ui.LabSession;
import org.viflab.ui.Texts;

/**
 * The create-interface form of the design's figure 9: name and description, partition, subnet
 * (narrowed by the partition), private and public addresses (blank: the next free one), security
 * groups, attachers and IP setters, and optionally an instance to attach the new record to.
 *
 * <p>Every change re-validates: text that does not parse is caught here, everything else by a dry
 * run of the create request, whose error is shown beside the field it is about. {@link #canSubmit()}
 * is a binding over the violations. Submitting creates (and attaches) as one action.
 */
public final class CreateInterfaceViewModel {

    private final LabSession session;
    private final Texts texts;

    private final StringProperty id = new SimpleStringProperty(this, "id", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final ObjectProperty<PartitionId> partition = new SimpleObjectProperty<>(this, "partition");
    private final ObjectProperty<SubnetId> subnet = new SimpleObjectProperty<>(this, "subnet");
    private final StringProperty privateIps = new SimpleStringProperty(this, "privateIps", "");
    private final StringProperty publicIps = new SimpleStringProperty(this, "publicIps", "");
    private final ObservableList<SecurityGroupId> groups = FXCollections.observableArrayList();
    private final ObservableList<PrincipalId> attachers = FXCollections.observableArrayList();
    private final ObservableList<PrincipalId> ipSetters = FXCollections.observableArrayList();
    private final ObjectProperty<InstanceId> instance = new SimpleObjectProperty<>(this, "instance");

    private final ObservableList<PartitionId> partitionOptions = FXCollections.observableArrayList();
    private final ObservableList<SubnetId> subnetOptions = FXCollections.observableArrayList();
    private final ObservableList<SecurityGroupId> groupOptions = FXCollections.observableArrayList();
    private final ObservableList<PrincipalId> principalOptions = FXCollections.observableArrayList();
    private final ObservableList<InstanceId> instanceOptions = FXCollections.observableArrayList();

    private final ObservableList<Violation> violations = FXCollections.observableArrayList();
    private final BooleanBinding canSubmit = Bindings.isEmpty(violations);
    private final ReadOnlyObjectWrapper<InterfaceId> created = new ReadOnlyObjectWrapper<>(this, "created");
    private boolean validating;

    public CreateInterfaceViewModel(LabSession session, Texts texts) {
        this.session = session;
        this.texts = texts;
        partition.addListener((obs, old, now) -> partitionChosen());
        subnet.addListener((obs, old, now) -> subnetChosen());
        Observable[] inputs = {id, description, partition, subnet, privateIps, publicIps, groups, attachers, ipSetters,
                instance, session.principalProperty(), session.revisionProperty()};
        for (Observable input : inputs) {
            input.addListener(o -> validate());
        }
        session.principalProperty().addListener(o -> reloadOptions());
        reset();
    }

    // ---- fields -----------------------------------------------------------------------------

    public StringProperty idProperty() {
        return id;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ObjectProperty<PartitionId> partitionProperty() {
        return partition;
    }

    public ObjectProperty<SubnetId> subnetProperty() {
        return subnet;
    }

    /** Private addresses separated by commas, primary first; blank: the next free one. */
    public StringProperty privateIpsProperty() {
        return privateIps;
    }

    /** Public addresses separated by commas (each maps to the primary private address). */
    public StringProperty publicIpsProperty() {
        return publicIps;
    }

    /** The chosen security groups; none: the partition's default group. */
    public ObservableList<SecurityGroupId> groups() {
        return groups;
    }

    public ObservableList<PrincipalId> attachers() {
        return attachers;
    }

    public ObservableList<PrincipalId> ipSetters() {
        return ipSetters;
    }

    /** The instance to attach the new record to ({@code null}: none). */
    public ObjectProperty<InstanceId> instanceProperty() {
        return instance;
    }

    public ObservableList<PartitionId> partitionOptions() {
        return partitionOptions;
    }

    public ObservableList<SubnetId> subnetOptions() {
        return subnetOptions;
    }

    public ObservableList<SecurityGroupId> groupOptions() {
        return groupOptions;
    }

    public ObservableList<PrincipalId> principalOptions() {
        return principalOptions;
    }

    public ObservableList<InstanceId> instanceOptions() {
        return instanceOptions;
    }

    public ObservableList<Violation> violations() {
        return violations;
    }

    /** The first problem with {@code field}, if any. */
    public Optional<String> violationOf(String field) {
        return violations.stream().filter(v -> v.field().equals(field)).map(Violation::message).findFirst();
    }

    public BooleanBinding canSubmit() {
        return canSubmit;
    }

    /** The id of the last record this form created. */
    public ReadOnlyObjectProperty<InterfaceId> createdProperty() {
        return created.getReadOnlyProperty();
    }

    // ---- options ----------------------------------------------------------------------------

    /** Empties the form and proposes a fresh id. */
    public void reset() {
        validating = true;
        try {
            reloadOptions();
            id.set(suggestedId());
            description.set("");
            privateIps.set("");
            publicIps.set("");
            groups.clear();
            attachers.clear();
            ipSetters.clear();
            instance.set(null);
            partition.set(partitionOptions.isEmpty() ? null : partitionOptions.get(0));
        } finally {
            validating = false;
        }
        partitionChosen();
        validate();
    }

    /** Starts the form in a given subnet (dropped from the palette onto its band). */
    public void startIn(SubnetId inSubnet) {
        Subnet s = session.topology().subnets().get(inSubnet);
        if (s == null) {
            return;
        }
        partition.set(s.partition());
        subnet.set(inSubnet);
    }

    private void reloadOptions() {
        Topology t = session.topology();
        PrincipalId as = session.principalProperty().get();
        List<PartitionId> usable = t.partitions().values().stream()
                .filter(p -> as.equals(Topology.OPERATOR) || p.owner().equals(as)).map(Partition::id).toList();
        partitionOptions.setAll(usable);
        principalOptions.setAll(t.principals().stream().filter(p -> !p.equals(Topology.OPERATOR)).toList());
        if (partition.get() != null && !usable.contains(partition.get())) {
            partition.set(usable.isEmpty() ? null : usable.get(0));
        }
    }

    private void partitionChosen() {
        Topology t = session.topology();
        PartitionId p = partition.get();
        List<SubnetId> subnets = p == null ? List.of() : t.subnets().values().stream()
                .filter(s -> s.partition().equals(p)).map(Subnet::id).toList();
        subnetOptions.setAll(subnets);
        groupOptions.setAll(p == null ? List.of() : t.securityGroups().values().stream()
                .filter(g -> g.partition().equals(p)).map(SecurityGroup::id).toList());
        groups.retainAll(groupOptions);
        if (subnet.get() == null || !subnets.contains(subnet.get())) {
            subnet.set(subnets.isEmpty() ? null : subnets.get(0));
        }
    }

    private void subnetChosen() {
        Topology t = session.topology();
        Subnet s = subnet.get() == null ? null : t.subnets().get(subnet.get());
        instanceOptions.setAll(s == null ? List.of() : t.instances().values().stream()
                .filter(i -> i.state() != InstanceState.TERMINATED && i.zone().equals(s.zone()))
                .map(ResourceInstance::id).toList());
        if (instance.get() != null && !instanceOptions.contains(instance.get())) {
            instance.set(null);
        }
    }

    private String suggestedId() {
        Map<InterfaceId, ?> existing = session.topology().interfaces();
        for (int n = 1; ; n++) {
            String candidate = "vif-" + n;
            if (!existing.containsKey(InterfaceId.interfaceId(candidate))) {
                return candidate;
            }
        }
    }

    // ---- validation -------------------------------------------------------------------------

    /** What the form would send, or the violations that stop it. */
    private Optional<InterfaceSpec> spec(List<Violation> found) {
        Optional<InterfaceId> recordId = Optional.empty();
        String idText = id.get() == null ? "" : id.get().trim();
        if (!idText.isEmpty()) {
            try {
                recordId = Optional.of(InterfaceId.interfaceId(idText));
            } catch (IllegalArgumentException e) {
                found.add(new Violation("id", texts.get("form.error.id", idText)));
            }
        }
        if (partition.get() == null) {
            found.add(new Violation("partition", texts.get("form.error.partition")));
        }
        if (subnet.get() == null) {
            found.add(new Violation("subnet", texts.get("form.error.subnet")));
        }
        List<Ipv4Address> privates = addresses("privateIps", privateIps.get(), found);
        List<Ipv4Address> publics = addresses("publicIps", publicIps.get(), found);
        if (!found.isEmpty()) {
            return Optional.empty();
        }
        InterfaceSpec spec = InterfaceSpec.inSubnet(subnet.get()).withDescription(description.get())
                .withPrivateIps(privates).withPublicIps(publics).withSecurityGroups(List.copyOf(groups))
                .withAccess(List.copyOf(attachers), List.copyOf(ipSetters)).withDeleteOnTermination(false);
        PrincipalId as = session.principalProperty().get();
        if (!as.equals(Topology.OPERATOR)) {
            spec = spec.withOwner(as);
        } else {
            Partition p = session.topology().partitions().get(partition.get());
            if (p != null) {
                spec = spec.withOwner(p.owner());
            }
        }
        return Optional.of(recordId.map(spec::withId).orElse(spec));
    }

    private List<Ipv4Address> addresses(String field, String text, List<Violation> found) {
        List<Ipv4Address> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList()) {
            Optional<Ipv4Address> parsed = Ipv4Address.tryParse(part);
            if (parsed.isEmpty()) {
                found.add(new Violation(field, texts.get("form.error.address", part)));
                return out;
            }
            out.add(parsed.get());
        }
        return out;
    }

    /** Checks the fields and, when they parse, asks the coordinator for a dry run. */
    public void validate() {
        if (validating || session.lab().isEmpty()) {
            return;
        }
        List<Violation> found = new ArrayList<>();
        Optional<InterfaceSpec> spec = spec(found);
        if (spec.isPresent()) {
            Outcome outcome = session.dryRun(new Request.CreateInterface(spec.get()));
            if (!org.viflab.ui.LabSession.wouldAccept(outcome) && outcome instanceof Outcome.Rejected r) {
                found.add(new Violation(fieldOf(r), r.code().code() + ": " + r.message(texts.locale())));
            }
        }
        violations.setAll(found);
    }

    /** The field a coordinator error is about, as far as its code and sentence tell. */
    private String fieldOf(Outcome.Rejected r) {
        ErrorCode code = r.code();
        switch (code) {
            case INVALID_IP_ADDRESS_IN_USE, PRIVATE_IP_ADDRESS_LIMIT_EXCEEDED:
                return "privateIps";
            case RESOURCE_ALREADY_ASSOCIATED:
                return "publicIps";
            case SECURITY_GROUPS_PER_INTERFACE_LIMIT_EXCEEDED, INVALID_GROUP_NOT_FOUND, INVALID_PARAMETER:
                return "securityGroups";
            case INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET, INVALID_SUBNET_ID_NOT_FOUND:
                return "subnet";
            case UNAUTHORIZED_OPERATION:
                return "partition";
            default:
                break;
        }
        String message = r.message();
        String idText = id.get() == null ? "" : id.get().trim();
        if (!idText.isEmpty() && message.contains(idText)) {
            return "id";
        }
        for (String ip : privateIps.get().split("[,\\s]+")) {
            if (!ip.isBlank() && message.contains(ip.trim())) {
                return "privateIps";
            }
        }
        for (String ip : publicIps.get().split("[,\\s]+")) {
            if (!ip.isBlank() && message.contains(ip.trim())) {
                return "publicIps";
            }
        }
        return Violation.FORM;
    }

    // ---- submit -----------------------------------------------------------------------------

    /**
     * Creates the record (and attaches it to the chosen instance) as one action. Returns the lab's
     * answer; on success the form empties itself for the next record.
     */
    public Optional<Lab.Result> submit() {
        validate();
        List<Violation> found = new ArrayList<>();
        Optional<InterfaceSpec> built = spec(found);
        if (!violations.isEmpty() || built.isEmpty()) {
            return Optional.empty();
        }
        InterfaceSpec spec = built.get();
        InterfaceId recordId = spec.id().orElse(null);
        if (recordId == null && instance.get() != null) {
            // The attach must name the record before it exists: give it the proposed id.
            recordId = InterfaceId.interfaceId(suggestedId());
            spec = spec.withId(recordId);
        }
        List<Request> requests = new ArrayList<>();
        Request.CreateInterface create = new Request.CreateInterface(spec);
        requests.add(create);
        String what = create.describe();
        if (instance.get() != null) {
            Request.Attach attach = new Request.Attach(recordId, instance.get(), OptionalInt.empty(), false,
                    Optional.empty());
            requests.add(attach);
            what = texts.get("form.createAndAttach", recordId, instance.get());
        }
        Lab.Result result = session.submitAll(what, requests);
        if (result.accepted()) {
            InterfaceId made = recordId != null ? recordId : result.outcome()
                    .filter(Outcome.Accepted.class::isInstance).map(Outcome.Accepted.class::cast)
                    .flatMap(Outcome.Accepted::createdId).map(InterfaceId::interfaceId).orElse(null);
            PartitionId keepPartition = partition.get();
            SubnetId keepSubnet = subnet.get();
            reset();
            partition.set(keepPartition);
            subnet.set(keepSubnet);
            created.set(null);
            created.set(made);
        } else {
            result.outcome().filter(Outcome.Rejected.class::isInstance).map(Outcome.Rejected.class::cast)
                    .ifPresent(r -> violations.setAll(List.of(new Violation(fieldOf(r), r.code().code() + ": " + r.message(texts.locale())))));
        }
        return Optional.of(result);
    }
}
