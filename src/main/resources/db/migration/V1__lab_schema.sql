-- The desired state of one lab, as the coordinator commits it.
--
-- Values are stored as text in the form the model prints and parses them (Ipv4Prefix, Ipv4Address,
-- MacAddress, PortSet, Protocol, instance state), so a row can be read by a person.
--
-- The rows that belong to one object (a subnet's routes, a group's rules, an interface's addresses)
-- hang off it with ON DELETE CASCADE and keep their order in a `position` column. References
-- between objects (subnet -> partition, attachment -> interface) are deliberately not foreign keys:
-- the coordinator checks them before it commits, and one request may write the objects it touches
-- in any order.

-- One row: the lab's version (bumped by every accepted request), the generated-id counter, and the
-- schema version that the migrations keep up to date.
CREATE TABLE lab (
    id             INT                      NOT NULL PRIMARY KEY CHECK (id = 1),
    version        BIGINT                   NOT NULL,
    id_sequence    BIGINT                   NOT NULL,
    schema_version INT                      NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);

INSERT INTO lab (id, version, id_sequence, schema_version) VALUES (1, 0, 0, 1);

CREATE TABLE principals (
    id VARCHAR(128) NOT NULL PRIMARY KEY
);

-- The provider itself exists in every lab.
INSERT INTO principals (id) VALUES ('operator');

CREATE TABLE partitions (
    id               VARCHAR(128) NOT NULL PRIMARY KEY,
    owner_id         VARCHAR(128) NOT NULL,
    cidr             VARCHAR(18)  NOT NULL,
    internet_gateway BOOLEAN      NOT NULL,
    vpn_on_premises  VARCHAR(18),
    default_group_id VARCHAR(128) NOT NULL
);

CREATE TABLE subnets (
    id           VARCHAR(128) NOT NULL PRIMARY KEY,
    partition_id VARCHAR(128) NOT NULL,
    cidr         VARCHAR(18)  NOT NULL,
    zone         VARCHAR      NOT NULL
);

-- A route's target is one of local, internet, vpn, blackhole (target_kind) or an appliance's
-- interface (target_kind 'interface' and target_interface_id). Two columns rather than the printed
-- form, because an interface may be called "local".
CREATE TABLE subnet_routes (
    subnet_id           VARCHAR(128) NOT NULL,
    position            INT          NOT NULL,
    destination         VARCHAR(18)  NOT NULL,
    target_kind         VARCHAR(9)   NOT NULL,
    target_interface_id VARCHAR(128),
    PRIMARY KEY (subnet_id, position),
    FOREIGN KEY (subnet_id) REFERENCES subnets (id) ON DELETE CASCADE,
    CHECK (target_kind IN ('local', 'internet', 'vpn', 'blackhole', 'interface')),
    CHECK ((target_kind = 'interface') = (target_interface_id IS NOT NULL))
);

CREATE TABLE security_groups (
    id           VARCHAR(128) NOT NULL PRIMARY KEY,
    partition_id VARCHAR(128) NOT NULL,
    description  VARCHAR      NOT NULL
);

-- A rule's peer is a CIDR or a group, exactly one of them. Two columns rather than the printed
-- form, because a group id may begin with a digit and would then read back as an address.
CREATE TABLE security_group_rules (
    group_id      VARCHAR(128) NOT NULL,
    direction     VARCHAR(7)   NOT NULL,
    position      INT          NOT NULL,
    protocol      VARCHAR(4)   NOT NULL,
    ports         VARCHAR      NOT NULL,
    peer_cidr     VARCHAR(18),
    peer_group_id VARCHAR(128),
    PRIMARY KEY (group_id, direction, position),
    FOREIGN KEY (group_id) REFERENCES security_groups (id) ON DELETE CASCADE,
    CHECK (direction IN ('ingress', 'egress')),
    CHECK (protocol IN ('tcp', 'udp', 'icmp', 'all')),
    CHECK ((peer_cidr IS NULL) <> (peer_group_id IS NULL))
);

CREATE TABLE platforms (
    id       VARCHAR(128) NOT NULL PRIMARY KEY,
    zone     VARCHAR      NOT NULL,
    capacity INT          NOT NULL CHECK (capacity >= 1)
);

CREATE TABLE platform_nics (
    platform_id VARCHAR(128) NOT NULL,
    position    INT          NOT NULL,
    nic_id      VARCHAR(128) NOT NULL,
    mac         VARCHAR(17)  NOT NULL,
    up          BOOLEAN      NOT NULL,
    PRIMARY KEY (platform_id, position),
    FOREIGN KEY (platform_id) REFERENCES platforms (id) ON DELETE CASCADE
);

CREATE TABLE instances (
    id            VARCHAR(128) NOT NULL PRIMARY KEY,
    owner_id      VARCHAR(128) NOT NULL,
    instance_type VARCHAR      NOT NULL,
    zone          VARCHAR      NOT NULL,
    platform_id   VARCHAR(128),
    state         VARCHAR(10)  NOT NULL CHECK (state IN ('pending', 'running', 'stopped', 'terminated'))
);

CREATE TABLE instance_tags (
    instance_id VARCHAR(128) NOT NULL,
    tag_key     VARCHAR      NOT NULL,
    tag_value   VARCHAR,
    PRIMARY KEY (instance_id, tag_key),
    FOREIGN KEY (instance_id) REFERENCES instances (id) ON DELETE CASCADE
);

CREATE TABLE interfaces (
    id                   VARCHAR(128) NOT NULL PRIMARY KEY,
    description          VARCHAR      NOT NULL,
    partition_id         VARCHAR(128) NOT NULL,
    zone                 VARCHAR,
    subnet_id            VARCHAR(128) NOT NULL,
    owner_id             VARCHAR(128) NOT NULL,
    source_dest_check    BOOLEAN      NOT NULL,
    billing_principal_id VARCHAR(128) NOT NULL,
    vlan                 INT,
    multi_attach         BOOLEAN      NOT NULL,
    requester_managed    BOOLEAN      NOT NULL
);

-- Position 0 is the primary address.
CREATE TABLE interface_private_ips (
    interface_id VARCHAR(128) NOT NULL,
    position     INT          NOT NULL,
    address      VARCHAR(15)  NOT NULL,
    PRIMARY KEY (interface_id, position),
    FOREIGN KEY (interface_id) REFERENCES interfaces (id) ON DELETE CASCADE
);

CREATE TABLE interface_public_ips (
    interface_id VARCHAR(128) NOT NULL,
    position     INT          NOT NULL,
    public_ip    VARCHAR(15)  NOT NULL,
    private_ip   VARCHAR(15)  NOT NULL,
    PRIMARY KEY (interface_id, position),
    FOREIGN KEY (interface_id) REFERENCES interfaces (id) ON DELETE CASCADE
);

CREATE TABLE interface_security_groups (
    interface_id VARCHAR(128) NOT NULL,
    position     INT          NOT NULL,
    group_id     VARCHAR(128) NOT NULL,
    PRIMARY KEY (interface_id, position),
    FOREIGN KEY (interface_id) REFERENCES interfaces (id) ON DELETE CASCADE
);

CREATE TABLE interface_attachers (
    interface_id VARCHAR(128) NOT NULL,
    principal_id VARCHAR(128) NOT NULL,
    PRIMARY KEY (interface_id, principal_id),
    FOREIGN KEY (interface_id) REFERENCES interfaces (id) ON DELETE CASCADE
);

CREATE TABLE interface_ip_setters (
    interface_id VARCHAR(128) NOT NULL,
    principal_id VARCHAR(128) NOT NULL,
    PRIMARY KEY (interface_id, principal_id),
    FOREIGN KEY (interface_id) REFERENCES interfaces (id) ON DELETE CASCADE
);

CREATE TABLE interface_tags (
    interface_id VARCHAR(128) NOT NULL,
    tag_key      VARCHAR      NOT NULL,
    tag_value    VARCHAR,
    PRIMARY KEY (interface_id, tag_key),
    FOREIGN KEY (interface_id) REFERENCES interfaces (id) ON DELETE CASCADE
);

CREATE TABLE attachments (
    id                    VARCHAR(128) NOT NULL PRIMARY KEY,
    interface_id          VARCHAR(128) NOT NULL,
    instance_id           VARCHAR(128) NOT NULL,
    attacher_id           VARCHAR(128) NOT NULL,
    device_index          INT          NOT NULL CHECK (device_index >= 0),
    delete_on_termination BOOLEAN      NOT NULL
);

-- Every accepted request, in the order it was committed. `version` is the lab's version after it.
CREATE TABLE journal (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version      BIGINT                      NOT NULL,
    principal_id VARCHAR(128)                NOT NULL,
    request      VARCHAR                     NOT NULL,
    result       VARCHAR                     NOT NULL,
    recorded_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    client_token VARCHAR
);

CREATE INDEX journal_client_token ON journal (client_token);
