-- Headless Neovim 0.7 as the go-env-doctor client: open the workspace's settings.json, start the server
-- with vim.lsp.start_client, wait for the expected diagnostic, request code actions, apply the preferred one
-- with Neovim's own workspace-edit code, save, and wait for the diagnostic to clear. Environment: SERVER_CMD
-- (JSON array), WORKSPACE, SETTINGS, EXPECT_CODE, RESULT (a file this script writes "OK ..." or the error to).
-- Run: nvim --headless -u NONE -c 'luafile nvim-client.lua'
local result_file = os.getenv('RESULT')

local function finish(text)
  local f = io.open(result_file, 'w')
  f:write(text .. '\n')
  f:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  local cmd = vim.fn.json_decode(os.getenv('SERVER_CMD'))
  local workspace = os.getenv('WORKSPACE')
  local settings = os.getenv('SETTINGS')
  local code = os.getenv('EXPECT_CODE')
  local uri = vim.uri_from_fname(settings)

  local published = {}
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(_, result)
    if result.uri == uri then
      table.insert(published, result)
    end
  end
  local function latest()
    return published[#published]
  end

  vim.cmd('edit ' .. vim.fn.fnameescape(settings))
  local id = vim.lsp.start_client({
    name = 'go-env-doctor',
    cmd = cmd,
    root_dir = workspace,
    workspace_folders = { { uri = vim.uri_from_fname(workspace), name = 'ws' } },
  })
  assert(id, 'the client did not start')
  vim.lsp.buf_attach_client(0, id)

  local diagnostic
  assert(vim.wait(20000, function()
    local p = latest()
    if p then
      for _, d in ipairs(p.diagnostics) do
        if d.code == code then
          diagnostic = d
          return true
        end
      end
    end
    return false
  end, 50), 'no ' .. code .. ' diagnostic; last: ' .. vim.inspect(latest()))
  assert(diagnostic.source == 'go-env-doctor', 'source ' .. tostring(diagnostic.source))

  local client = vim.lsp.get_client_by_id(id)
  local response = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = uri },
    range = diagnostic.range,
    context = { diagnostics = { diagnostic } },
  }, 10000, 0)
  assert(response and response.result, 'no code actions: ' .. vim.inspect(response))
  local preferred
  for _, action in ipairs(response.result) do
    if action.isPreferred then
      preferred = action
    end
  end
  assert(preferred, 'no preferred action in ' .. vim.inspect(response.result))
  vim.lsp.util.apply_workspace_edit(preferred.edit, client.offset_encoding)
  vim.cmd('silent wall')

  assert(vim.wait(20000, function()
    local p = latest()
    return p ~= nil and #p.diagnostics == 0
  end, 50), 'the diagnostic did not clear; last: ' .. vim.inspect(latest()))

  vim.lsp.stop_client(id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
  return preferred.title
end)

if ok then
  finish('OK ' .. err)
else
  finish('FAILED ' .. tostring(err))
end
