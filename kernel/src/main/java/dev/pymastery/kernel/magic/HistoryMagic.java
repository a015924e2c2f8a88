package dev.pymastery.kernel.magic;

import dev.pymastery.kernel.magic.LineMagic.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %history [-n] [-o] [-l N] [RANGE ...]}: this session's cells as typed, as IPython prints
 * them. A range is {@code 4}, {@code 2-5} (inclusive) or {@code 3:6} (stop excluded); {@code -l N}
 * takes the last N; {@code -n} numbers the lines; {@code -o} adds each result after {@code Out[N]:}.
 */
final class HistoryMagic implements LineMagic {
    @Override
    public String name() {
        return "history";
    }

    @Override
    public String help() {
        return "%history [-n] [-o] [-l N] [RANGE]: this session's cells as you typed them (RANGE: 4, 2-5 or 3:6)";
    }

    @Override
    public Outcome run(String args, MagicContext context) {
        boolean numbers = false;
        boolean outputs = false;
        Integer last = null;
        List<int[]> ranges = new ArrayList<>();
        String[] words = args.strip().isEmpty() ? new String[0] : args.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            switch (words[i]) {
                case "-n" -> numbers = true;
                case "-o" -> outputs = true;
                case "-l" -> {
                    if (i + 1 >= words.length) {
                        throw new MagicUsageException("%history -l needs a count, e.g. %history -l 5");
                    }
                    last = number(words[++i]);
                }
                default -> ranges.add(range(words[i]));
            }
        }
        List<StoredCell> cells = context.history();
        if (last != null) {
            cells = cells.subList(Math.max(0, cells.size() - last), cells.size());
        }
        StringBuilder text = new StringBuilder();
        for (StoredCell cell : cells) {
            if (!ranges.isEmpty() && ranges.stream().noneMatch(r -> cell.number() >= r[0] && cell.number() < r[1])) {
                continue;
            }
            String code = cell.code();
            if (numbers) {
                String head = String.format("%3d: ", cell.number());
                code = head + code.replace("\n", "\n" + " ".repeat(head.length()));
            }
            text.append(code).append('\n');
            if (outputs && cell.output().isPresent()) {
                text.append("Out[")
                        .append(cell.number())
                        .append("]: ")
                        .append(cell.output().get())
                        .append('\n');
            }
        }
        if (!text.isEmpty()) {
            context.print(text.toString());
        }
        return new Outcome.None();
    }

    private static int number(String word) {
        try {
            int value = Integer.parseInt(word);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new MagicUsageException("%history: '" + word + "' is not a cell number (use 4, 2-5, 3:6 or -l 5)");
        }
    }

    /** {@code [start, stop)} for {@code N}, {@code A-B} (inclusive) or {@code A:B}. */
    private static int[] range(String word) {
        int dash = word.indexOf('-', 1);
        int colon = word.indexOf(':');
        if (dash > 0) {
            return new int[] {number(word.substring(0, dash)), number(word.substring(dash + 1)) + 1};
        }
        if (colon > 0) {
            return new int[] {number(word.substring(0, colon)), number(word.substring(colon + 1))};
        }
        int n = number(word);
        return new int[] {n, n + 1};
    }
}
