package org.viflab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.viflab.model.AttachmentId.attachmentId;

import org.junit.jupiter.api.Test;
import org.viflab.model.Topology;

/** The repository contract on {@code jdbc:h2:mem:}, as coordinator tests use it. */
class InMemoryH2RepositoryTest extends H2RepositoryContract {

    @Override
    H2Repository newRepository() {
        return H2Repository.inMemory();
    }

    @Test
    void everyInMemoryLabIsItsOwn() {
        try (H2Repository other = H2Repository.inMemory()) {
            Labs.commit(repository, Topology.empty(), "build", Labs::rich);

            assertThat(other.url()).isNotEqualTo(repository.url()).startsWith("jdbc:h2:mem:");
            assertThat(other.load()).isEqualTo(Topology.empty());
        }
    }

    @Test
    void inMemoryLabLastsAsLongAsItsRepository() {
        Topology v1 = Labs.commit(repository, Topology.empty(), "build", Labs::rich);
        Topology v2 = Labs.commit(repository, v1, "detach", b -> b.removeAttachment(attachmentId("att-1")));
        String url = repository.url();
        assertThat(repository.load()).isEqualTo(v2);

        repository.close();

        try (H2Repository reopened = H2Repository.open(url)) {
            assertThat(reopened.load()).isEqualTo(Topology.empty());
        }
    }

    @Test
    void unnamedInMemoryUrlIsRefused() {
        assertThatThrownBy(() -> H2Repository.open("jdbc:h2:mem:"))
                .isInstanceOf(org.viflab.coordinator.Repository.StoreException.class);
        assertThatThrownBy(() -> H2Repository.open("jdbc:h2:mem:;MODE=PostgreSQL"))
                .isInstanceOf(org.viflab.coordinator.Repository.StoreException.class).hasMessageContaining("Name it");
    }
}
