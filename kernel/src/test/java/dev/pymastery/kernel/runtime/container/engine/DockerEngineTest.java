package dev.pymastery.kernel.runtime.container.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DockerEngineTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static LaunchRequest request(boolean gpu) {
        return new LaunchRequest(
                "stock",
                "pymastery/stock:3.13",
                List.of("python3", "-u", "-c", "BOOT"),
                Map.of("HOME", "/tmp"),
                Optional.of("/tmp"),
                Optional.of("65534:65534"),
                512L << 20,
                1.5,
                256,
                "none",
                gpu,
                true,
                Map.of(Labels.KERNEL, "k1"));
    }

    @Test
    void aContainerIsAttachableWithLimitsNoNetworkAUserAndLabels() {
        JsonNode body = ContainerConfig.of(request(false), Optional.empty());
        assertThat(body.path("Image").asString()).isEqualTo("pymastery/stock:3.13");
        assertThat(body.path("Entrypoint").toString()).isEqualTo("[\"python3\",\"-u\",\"-c\",\"BOOT\"]");
        assertThat(body.path("Cmd").isEmpty()).isTrue();
        assertThat(body.path("Env").toString()).isEqualTo("[\"HOME=/tmp\"]");
        assertThat(body.path("User").asString()).isEqualTo("65534:65534");
        assertThat(body.path("WorkingDir").asString()).isEqualTo("/tmp");
        assertThat(body.path("Labels").path(Labels.KERNEL).asString()).isEqualTo("k1");
        for (String flag : List.of("OpenStdin", "StdinOnce", "AttachStdin", "AttachStdout", "AttachStderr")) {
            assertThat(body.path(flag).asBoolean()).as(flag).isTrue();
        }
        assertThat(body.path("Tty").asBoolean()).isFalse();
        assertThat(body.path("NetworkDisabled").asBoolean()).isTrue();
        JsonNode host = body.path("HostConfig");
        assertThat(host.path("NetworkMode").asString()).isEqualTo("none");
        assertThat(host.path("Memory").asLong()).isEqualTo(512L << 20);
        assertThat(host.path("MemorySwap").asLong()).isEqualTo(512L << 20);
        assertThat(host.path("NanoCpus").asLong()).isEqualTo(1_500_000_000L);
        assertThat(host.path("PidsLimit").asInt()).isEqualTo(256);
        assertThat(host.has("DeviceRequests")).isFalse();
    }

    @Test
    void gpusAreRequestedInTheFormEachEngineHonours() {
        JsonNode docker = ContainerConfig.of(request(true), Optional.of(new DockerEngine.Flavor(false, "27.3.1")))
                .path("HostConfig")
                .path("DeviceRequests");
        assertThat(docker.toString()).isEqualTo("[{\"Driver\":\"\",\"Count\":-1,\"Capabilities\":[[\"gpu\"]]}]");
        JsonNode podman = ContainerConfig.of(request(true), Optional.of(new DockerEngine.Flavor(true, "5.4.2")))
                .path("HostConfig")
                .path("DeviceRequests");
        assertThat(podman.toString())
                .isEqualTo(
                        "[{\"Driver\":\"cdi\",\"DeviceIDs\":[\"nvidia.com/gpu=all\"],\"Capabilities\":[[\"gpu\"]]}]");
    }

    @Test
    void podmanIsToldApartByItsEngineComponent() {
        JsonNode podman = JSON.readTree("""
                {"Platform":{"Name":"linux/amd64/debian-12"},"Components":[{"Name":"Podman Engine","Version":"4.3.1"},
                 {"Name":"Conmon","Version":"conmon version 2.1.6"}],"Version":"4.3.1","ApiVersion":"1.41"}
                """);
        assertThat(DockerEngine.flavorOf(podman)).isEqualTo(new DockerEngine.Flavor(true, "4.3.1"));
        JsonNode docker = JSON.readTree("""
                {"Platform":{"Name":"Docker Engine - Community"},"Components":[{"Name":"Engine","Version":"27.3.1"},
                 {"Name":"containerd","Version":"1.7.22"}],"Version":"27.3.1","ApiVersion":"1.47"}
                """);
        assertThat(DockerEngine.flavorOf(docker)).isEqualTo(new DockerEngine.Flavor(false, "27.3.1"));
        assertThat(new DockerEngine.Flavor(true, "4.3.1").honoursCdiRequests()).isFalse();
        assertThat(new DockerEngine.Flavor(true, "5.4.0").honoursCdiRequests()).isTrue();
        assertThat(new DockerEngine.Flavor(true, "5.10-dev").honoursCdiRequests())
                .isTrue();
        assertThat(new DockerEngine.Flavor(false, "28.0").honoursCdiRequests()).isFalse();
    }

    @Test
    void theSocketComesFromDockerHostWhichMustBeUnix() {
        assertThat(DockerEngine.socket(Map.of("DOCKER_HOST", "unix:///run/x/podman.sock")))
                .contains(Path.of("/run/x/podman.sock"));
        assertThatThrownBy(() -> DockerEngine.socket(Map.of("DOCKER_HOST", "tcp://10.0.0.1:2375")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unix socket");
    }

    @Test
    void imageReferencesWithoutATagPullLatest() {
        assertThat(DockerEngine.hasTag("python:3.13-slim")).isTrue();
        assertThat(DockerEngine.hasTag("localhost:5000/python")).isFalse();
        assertThat(DockerEngine.hasTag("localhost:5000/python:3")).isTrue();
        assertThat(DockerEngine.hasTag("python@sha256:abc")).isTrue();
    }
}
