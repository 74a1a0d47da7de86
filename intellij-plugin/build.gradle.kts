// The IntelliJ plugin of go-env-doctor. Needs JetBrains' repositories (IntelliJ Platform, Marketplace):
//   cd intellij-plugin && gradle buildPlugin     -> build/distributions/go-env-doctor-intellij-<version>.zip
//   cd intellij-plugin && gradle runIde          -> an IDE sandbox with the plugin and LSP4IJ
// The DSL calls below are the ones LSP4IJ 0.20.1's own build.gradle.kts makes with plugin 2.9.0.

fun prop(name: String): Provider<String> = providers.gradleProperty(name)

plugins {
    java
    id("org.jetbrains.intellij.platform") version "2.9.0"
}

group = "dev.goenvdoctor"
version = prop("pluginVersion").get()

repositories {
    mavenCentral()
    intellijPlatform {
        defaultRepositories()
    }
}

dependencies {
    intellijPlatform {
        create(prop("platformType"), prop("platformVersion"))
        plugins(prop("platformPlugins").map { it.split(',') })
    }
    // Gson and lsp4j are NOT declared: Gson is the IDE's (LSP4IJ uses the IDE's too) and lsp4j is LSP4IJ's.
    // A copy of either in this plugin would load twice and break the JSON objects passed to LSP4IJ.
}

// One language across the repository: Java. src/core/java is the SDK-free part Maven tests (pom.xml); it ships
// in the plugin next to the IntelliJ glue of src/main/java.
sourceSets {
    main {
        java {
            srcDirs("src/main/java", "src/core/java")
        }
    }
}

java {
    // IntelliJ 2024.2 runs on Java 21; the classes stay Java 17 like the rest of the repository.
    toolchain {
        languageVersion = JavaLanguageVersion.of(21)
    }
}

tasks.withType<JavaCompile> {
    options.release.set(17)
}

intellijPlatform {
    buildSearchableOptions = false
    instrumentCode = false
    pluginConfiguration {
        version = prop("pluginVersion")
        ideaVersion {
            // 242 = 2024.2: LSP4IJ's own since-build; older IDEs cannot install LSP4IJ, so neither this plugin.
            sinceBuild = prop("pluginSinceBuild")
            untilBuild = provider { null }
        }
    }
}

// The language server: the shaded jar of ../server, built by Maven. It goes to <plugin>/lib/server/, NOT to
// <plugin>/lib/ (the class path): it carries its own lsp4j, and LSP4IJ's must be the only one the IDE loads.
val serverJar = layout.projectDirectory.file("../server/target/go-env-doctor.jar")

val buildServerJar by tasks.registering(Exec::class) {
    description = "Builds ../server/target/go-env-doctor.jar with Maven (skip with -PskipServerBuild when it is built)."
    workingDir = layout.projectDirectory.dir("..").asFile
    commandLine("mvn", "-B", "-q", "package", "-DskipTests", "-pl", "server")
    outputs.file(serverJar)
    onlyIf { !project.hasProperty("skipServerBuild") }
}

tasks {
    prepareSandbox {
        dependsOn(buildServerJar)
        from(serverJar) {
            into(pluginName.map { "$it/lib/server" })
        }
    }
}
