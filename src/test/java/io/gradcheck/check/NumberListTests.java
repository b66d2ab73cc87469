package io.gradcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NumberListTests {

    @Test
    void aNumberListIsTheListOfItsNumbers() {
        double[] source = {1.5, -0.0, 2, 1e-300};
        NumberList numbers = NumberList.of(source);
        assertThat(numbers).isEqualTo(List.of(1.5, -0.0, 2.0, 1e-300)).hasSize(4);
        assertThat(List.of(1.5, -0.0, 2.0, 1e-300)).isEqualTo(numbers);
        assertThat(numbers.hashCode()).isEqualTo(List.of(1.5, -0.0, 2.0, 1e-300).hashCode());
        assertThat(numbers.getDouble(3)).isEqualTo(1e-300);
        source[0] = 99; // its own copy: a report never changes with the array it was written from
        assertThat(numbers.get(0)).isEqualTo(1.5);
        assertThatThrownBy(() -> numbers.get(4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> numbers.getDouble(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> numbers.add(3.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> numbers.set(0, 3.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aMatrixIsItsRows() {
        List<NumberList> rows = NumberList.rows(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertThat(rows).isEqualTo(List.of(List.of(1.0, 2.0, 3.0), List.of(4.0, 5.0, 6.0)));
        assertThatThrownBy(() -> rows.get(0).get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
