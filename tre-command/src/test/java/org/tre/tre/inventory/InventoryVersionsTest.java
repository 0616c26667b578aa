package org.tre.tre.inventory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tre.messages.error.DxException;
import org.tre.messages.error.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Inventory versions: strict major.minor.patch, compared numerically (DECISIONS.md §6, §12). */
class InventoryVersionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0", "1.0.0", "0.1.0", "10.20.30", "999999999.0.1"})
    void majorMinorPatchIsValid(String version) {
        assertThat(InventoryVersions.isValid(version)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.0", "1.0.0.0", "01.2.3", "1.02.3", "1.2.03", "1.0.0-rc.1", "1.0.0+build",
            "v1.0.0", " 1.0.0", "1.0.0 ", "-1.0.0", "a.b.c", "1..0"})
    void anythingElseIsInvalid(String version) {
        assertThat(InventoryVersions.isValid(version)).isFalse();
    }

    @Test
    void nullIsInvalid() {
        assertThat(InventoryVersions.isValid(null)).isFalse();
    }

    @Test
    void requireValidRefusesWithInvalidInput() {
        assertThatThrownBy(() -> InventoryVersions.requireValid("01.2.3"))
                .isInstanceOfSatisfying(DxException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.InvalidInput));
    }

    @Test
    void requireValidAcceptsAValidVersion() {
        InventoryVersions.requireValid("1.2.3");
    }

    @Test
    void versionsCompareNumerically() {
        assertThat(InventoryVersions.isGreater("1.10.0", "1.9.0")).isTrue();
        assertThat(InventoryVersions.isGreater("2.0.0", "1.99.99")).isTrue();
        assertThat(InventoryVersions.isGreater("1.0.10", "1.0.9")).isTrue();
    }

    @Test
    void anEqualVersionIsNotGreater() {
        assertThat(InventoryVersions.isGreater("1.2.3", "1.2.3")).isFalse();
    }

    @Test
    void aLowerVersionIsNotGreater() {
        assertThat(InventoryVersions.isGreater("1.9.0", "1.10.0")).isFalse();
        assertThat(InventoryVersions.isGreater("0.9.9", "1.0.0")).isFalse();
    }
}
