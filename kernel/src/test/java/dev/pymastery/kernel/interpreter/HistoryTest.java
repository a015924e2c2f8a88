package dev.pymastery.kernel.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryTest {
    private final History history = new History();

    {
        history.add(1, "x = 1", Optional.empty());
        history.add(2, "x + 1", Optional.of("2"));
        history.add(3, "print(x)", Optional.empty());
        history.add(4, "x + 1", Optional.of("2"));
    }

    @Test
    void tailRangeAndSearch() {
        assertThat(history.query(new HistoryQuery.Tail(2)))
                .extracting(HistoryEntry::line)
                .containsExactly(3, 4);
        assertThat(history.query(new HistoryQuery.Range(0, 2, 4)))
                .extracting(HistoryEntry::line)
                .containsExactly(2, 3);
        assertThat(history.query(new HistoryQuery.Range(7, 0, 10))).isEmpty();
        assertThat(history.query(new HistoryQuery.Search("x*", 10, false)))
                .extracting(HistoryEntry::line)
                .containsExactly(1, 2, 4);
        assertThat(history.query(new HistoryQuery.Search("x + ?", 10, true)))
                .extracting(HistoryEntry::line)
                .containsExactly(4);
        assertThat(history.query(new HistoryQuery.Search("*", 1, false)))
                .extracting(HistoryEntry::line)
                .containsExactly(4);
    }
}
