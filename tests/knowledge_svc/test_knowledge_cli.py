"""`python -m knowledge_svc.cli` against the running service, as a user runs it."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from atende.knowledge.v1 import knowledge_service_pb2 as pb
from knowledge_helpers import Service
from knowledge_pdfgen import make_pdf


async def cli(*args: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "knowledge_svc.cli", *args,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=120)
    assert process.returncode is not None
    return process.returncode, stdout.decode(), stderr.decode()


def write_folder(folder: Path) -> None:
    (folder / "politicas").mkdir(parents=True)
    (folder / "politicas" / "frete.md").write_text(
        "---\ntitle: Política de frete\nlang: pt\n---\n\n# Frete\n\nEntregamos em todo o Brasil em até 10 dias úteis.\n",
        encoding="utf-8",
    )
    (folder / "sobre.html").write_text(
        "<html><head><title>About</title></head><body><h1>About</h1><p>Founded in 2014 in Fortaleza.</p></body></html>",
        encoding="utf-8",
    )
    (folder / "horario.txt").write_bytes("Atendimento de segunda a sábado, das 8h às 18h.".encode("cp1252"))
    (folder / "manual.pdf").write_bytes(
        make_pdf([["Manual do inversor", "", "Desligue o disjuntor antes de limpar o inversor."]], title="Manual")
    )
    (folder / "vazio.md").write_text("   \n", encoding="utf-8")
    (folder / "imagem.png").write_bytes(b"\x89PNG not a document")


async def test_cli_ingests_a_folder_with_progress_and_reingests_without_duplicates(
    service: Service, unique_name: str, tmp_path: Path
) -> None:
    write_folder(tmp_path)
    code, out, err = await cli("--addr", service.address, "ingest", str(tmp_path), "--collection", unique_name)
    assert code == 0, err
    assert "4 documents" in out and f"collection {unique_name!r}" in out and "1 skipped" in out
    assert "vazio.md: is empty" in err
    assert "horario.txt: not UTF-8" in err  # decoded as Windows-1252, with a warning
    assert "4/4" in err  # the progress bar's last state
    count = await service.knowledge.count(unique_name)
    assert count >= 4

    code, out, err = await cli("--addr", service.address, "ingest", str(tmp_path), "--collection", unique_name)
    assert code == 0, err
    assert await service.knowledge.count(unique_name) == count

    response = await service.stub.SearchKnowledge(
        pb.SearchKnowledgeRequest(collection=unique_name, query="quando abre o atendimento no sábado?")
    )
    assert response.results[0].document_id == "horario"
    assert "sábado" in response.results[0].text
    response = await service.stub.SearchKnowledge(
        pb.SearchKnowledgeRequest(collection=unique_name, query="prazo de entrega", metadata_filter={"lang": "pt"})
    )
    assert [r.document_id for r in response.results] == ["politicas.frete"]
    assert response.results[0].title == "Política de frete"
    assert response.results[0].source == "politicas/frete.md"
    response = await service.stub.SearchKnowledge(
        pb.SearchKnowledgeRequest(collection=unique_name, query="how to clean the inverter")
    )
    assert response.results[0].document_id == "manual"

    code, out, _ = await cli("--addr", service.address, "search", "limpar o inversor", "--collection", unique_name)
    assert code == 0 and "manual" in out
    code, out, _ = await cli("--addr", service.address, "delete", "manual", "--collection", unique_name)
    assert code == 0 and "chunks deleted" in out and not out.startswith("0 ")


async def test_cli_reports_errors(service: Service, tmp_path: Path) -> None:
    code, _, err = await cli("--addr", service.address, "ingest", str(tmp_path / "missing"), "--collection", "x")
    assert code == 2 and "not a folder" in err
    (tmp_path / "a.md").write_text("conteúdo", encoding="utf-8")
    code, _, err = await cli("--addr", service.address, "ingest", str(tmp_path), "--collection", "bad name")
    assert code == 1 and "INVALID_ARGUMENT" in err and "collection" in err
    code, _, err = await cli("--addr", service.address, "search", "garantia", "--collection", "nope_nope")
    assert code == 1 and "NOT_FOUND" in err
