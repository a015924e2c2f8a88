package dev.pymastery.kernel.install;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JvmOptionsTest {
    @Test
    void trufflesCompilerThreadsAreAQuarterOfTheCoresFromOneToFour() {
        assertThat(JvmOptions.forMachine(1)).isEmpty();
        assertThat(JvmOptions.forMachine(2))
                .as("the measured 2-core machine keeps the argument file's 1")
                .isEmpty();
        assertThat(JvmOptions.forMachine(7)).isEmpty();
        assertThat(JvmOptions.forMachine(8)).containsExactly("-Dpolyglot.engine.CompilerThreads=2");
        assertThat(JvmOptions.forMachine(12)).containsExactly("-Dpolyglot.engine.CompilerThreads=3");
        assertThat(JvmOptions.forMachine(128)).containsExactly("-Dpolyglot.engine.CompilerThreads=4");
    }
}
